package dev.livecue.core.reminder;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.Keys;
import dev.livecue.core.webhook.DeliveryEngine;

/**
 * Every tick: the reminders that came due since the last finished minute become {@code live.reminder} and
 * {@code live.checklist} events, sent to the creator's webhooks at once, several at a time within the tick's budget;
 * the minutes are finished only when every reminder in them was handled. Runs after the planner.
 */
@ApplicationScoped
public class FireRemindersJob implements ScheduledJob {

    static final String NAME = "fire-reminders";

    private final DueWork work;
    private final ReminderDispatcher dispatcher;
    private final DeliveryEngine engine;

    FireRemindersJob(DueWork work, ReminderDispatcher dispatcher, DeliveryEngine engine) {
        this.work = work;
        this.dispatcher = dispatcher;
        this.engine = engine;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public JobResult run(Tick tick) {
        ReminderDispatcher.Run run = dispatcher.run(engine.pass());
        return work.run(NAME, Keys.REMINDER_PREFIX, tick, item -> run.fire(Keys.creatorOf(item.pk()),
                item.sk().substring(Keys.REMINDER_PREFIX.length()), tick.now()).name().toLowerCase(Locale.ROOT));
    }
}
