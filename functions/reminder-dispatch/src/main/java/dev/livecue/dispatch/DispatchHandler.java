package dev.livecue.dispatch;

import jakarta.inject.Named;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import dev.livecue.core.jobs.TickReport;
import dev.livecue.core.jobs.Ticker;

/**
 * Entry point of the reminder-dispatch Lambda: EventBridge fires it every minute and it runs one tick. The tick
 * uses the clock, not the event's time, so a late or retried invocation still works on what is due now (and
 * catches up on earlier minutes by itself).
 */
@Named("dispatch")
public class DispatchHandler implements RequestHandler<ScheduledEvent, TickReport> {

    private static final Logger LOG = Logger.getLogger(DispatchHandler.class);

    private final Ticker ticker;

    DispatchHandler(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public TickReport handleRequest(ScheduledEvent event, Context context) {
        LOG.debugf("Scheduled event %s at %s", event == null ? "-" : event.id(), event == null ? "-" : event.time());
        return ticker.tick();
    }
}
