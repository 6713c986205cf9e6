package dev.livecue.core.reminder;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.FiringReads;
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
    /**
     * Reminders handled together: read in a few BatchGetItem calls ({@link FiringReads}), fired in as few
     * transactions as DynamoDB allows (a claim, an event and a delivery per subscription each), their webhooks'
     * attempts recorded the same way; small enough that a busy tick still spreads its reminders over all its
     * threads.
     */
    private static final int BATCH = 25;

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
        return work.runBatches(NAME, Keys.REMINDER_PREFIX, tick, BATCH, batch -> run.fire(batch.stream()
                        .map(item -> new FiringReads.Ref(Keys.creatorOf(item.pk()), item.sk().substring(Keys.REMINDER_PREFIX.length())))
                        .toList(), tick)
                .stream().map(outcome -> outcome.name().toLowerCase(Locale.ROOT)).toList());
    }
}
