package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.CatchUpWindows;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;

/**
 * Every tick: the reminders that came due since the last finished minute become {@code live.reminder} and
 * {@code live.checklist} events (the webhook fan-out delivers those). Runs after the planner.
 */
@ApplicationScoped
public class FireRemindersJob implements ScheduledJob {

    static final String NAME = "fire-reminders";

    private final DueIndex due;
    private final CatchUpWindows windows;
    private final ReminderDispatcher dispatcher;

    FireRemindersJob(DueIndex due, CatchUpWindows windows, ReminderDispatcher dispatcher) {
        this.due = due;
        this.windows = windows;
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
    public JobResult run(Instant now) {
        long started = System.nanoTime();
        CatchUpWindows.Window window = windows.open(NAME, now);
        Map<ReminderDispatcher.Outcome, Long> counts = new EnumMap<>(ReminderDispatcher.Outcome.class);
        for (DueIndex.Due item : window.read(due, Keys.REMINDER_PREFIX)) {
            String creatorId = item.pk().substring(Keys.creator("").length());
            String reminderId = item.sk().substring(Keys.REMINDER_PREFIX.length());
            counts.merge(dispatcher.fire(creatorId, reminderId, now), 1L, Long::sum);
        }
        windows.close(window);
        Map<String, Long> report = new LinkedHashMap<>();
        counts.forEach((outcome, n) -> report.put(outcome.name().toLowerCase(Locale.ROOT), n));
        return new JobResult(NAME, report, (System.nanoTime() - started) / 1_000_000, null);
    }
}
