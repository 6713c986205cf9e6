package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.BoundedWork;
import dev.livecue.core.jobs.CatchUpWindows;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.TickBudget;
import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;

/**
 * Every tick: the reminders that came due since the last finished minute become {@code live.reminder} and
 * {@code live.checklist} events (the webhook fan-out delivers those), several at a time within the tick's budget;
 * the minutes are finished only when every reminder in them was handled. Runs after the planner.
 */
@ApplicationScoped
public class FireRemindersJob implements ScheduledJob {

    static final String NAME = "fire-reminders";

    private final DueIndex due;
    private final CatchUpWindows windows;
    private final ReminderDispatcher dispatcher;
    private final TickBudget budget;

    FireRemindersJob(DueIndex due, CatchUpWindows windows, ReminderDispatcher dispatcher, TickBudget budget) {
        this.due = due;
        this.windows = windows;
        this.dispatcher = dispatcher;
        this.budget = budget;
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
    public JobResult run(Instant now) {
        long started = System.nanoTime();
        CatchUpWindows.Window window = windows.open(NAME, now);
        BoundedWork.Result result = BoundedWork.run(NAME, window.read(due, Keys.REMINDER_PREFIX),
                budget.concurrency(), budget.left(now), item -> dispatcher.fire(Keys.creatorOf(item.pk()),
                        item.sk().substring(Keys.REMINDER_PREFIX.length()), now).name().toLowerCase(Locale.ROOT));
        if (result.complete()) {
            windows.close(window);
        }
        return new JobResult(NAME, result.report(), (System.nanoTime() - started) / 1_000_000, null);
    }
}
