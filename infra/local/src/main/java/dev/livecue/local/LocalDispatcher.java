package dev.livecue.local;

import jakarta.inject.Singleton;

import dev.livecue.core.jobs.Ticker;
import io.quarkus.scheduler.Scheduled;

/**
 * The local stack's stand-in for the EventBridge rule that fires the reminder-dispatch Lambda: the same tick,
 * every minute (or {@code LIVECUE_LOCAL_TICK}). A tick still running when the next is due is skipped, as a
 * second Lambda would only contend for the same claims.
 */
@Singleton
public class LocalDispatcher {

    private final Ticker ticker;

    LocalDispatcher(Ticker ticker) {
        this.ticker = ticker;
    }

    @Scheduled(identity = "dispatcher", every = "${livecue-local.tick:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        ticker.tick();
    }
}
