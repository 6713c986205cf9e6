package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.SchedulesConfig;
import dev.livecue.core.jobs.DueWindow;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.TickCursorStore;

/**
 * Every tick: the reminders that came due since the last finished minute become {@code live.reminder} and
 * {@code live.checklist} events (the webhook fan-out delivers those). Runs after the planner.
 */
@ApplicationScoped
public class FireRemindersJob implements ScheduledJob {

    static final String NAME = "fire-reminders";

    private final DueIndex due;
    private final TickCursorStore cursors;
    private final ReminderDispatcher dispatcher;
    private final SchedulesConfig config;

    FireRemindersJob(DueIndex due, TickCursorStore cursors, ReminderDispatcher dispatcher, SchedulesConfig config) {
        this.due = due;
        this.cursors = cursors;
        this.dispatcher = dispatcher;
        this.config = config;
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
        DueWindow window = DueWindow.of(cursors.get(NAME), now, config.maxCatchUp());
        Map<ReminderDispatcher.Outcome, Long> counts = new EnumMap<>(ReminderDispatcher.Outcome.class);
        for (DueIndex.Due item : due.due(Keys.REMINDER_PREFIX, window.from(), window.to())) {
            String creatorId = item.pk().substring(Keys.creator("").length());
            String reminderId = item.sk().substring(Keys.REMINDER_PREFIX.length());
            counts.merge(dispatcher.fire(creatorId, reminderId, now), 1L, Long::sum);
        }
        cursors.advance(NAME, window.done());
        Map<String, Long> report = new LinkedHashMap<>();
        counts.forEach((outcome, n) -> report.put(outcome.name().toLowerCase(Locale.ROOT), n));
        return new JobResult(NAME, report, (System.nanoTime() - started) / 1_000_000, null);
    }
}
