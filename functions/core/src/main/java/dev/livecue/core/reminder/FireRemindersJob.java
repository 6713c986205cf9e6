package dev.livecue.core.reminder;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.Keys;

/**
 * Every tick: the reminders that came due since the last finished minute become {@code live.reminder} and
 * {@code live.checklist} events (the webhook fan-out delivers those), several at a time within the tick's budget;
 * the minutes are finished only when every reminder in them was handled. Runs after the planner.
 */
@ApplicationScoped
public class FireRemindersJob implements ScheduledJob {

    static final String NAME = "fire-reminders";

    private final DueWork work;
    private final ReminderDispatcher dispatcher;

    FireRemindersJob(DueWork work, ReminderDispatcher dispatcher) {
        this.work = work;
        this.dispatcher = dispatcher;
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
        return work.run(NAME, Keys.REMINDER_PREFIX, tick, item -> dispatcher.fire(Keys.creatorOf(item.pk()),
                item.sk().substring(Keys.REMINDER_PREFIX.length()), tick.now()).name().toLowerCase(Locale.ROOT));
    }
}
