package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.CatchUpWindows;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.ScheduleStore;

/**
 * Every tick: extends the reminder horizon of the schedules listed as due for it in the due-work index (each
 * planning lists the schedule again for its next extension), and finishes planning that a request could not.
 * Runs before the reminders are fired, so a reminder planned now and already due fires on the same tick.
 */
@ApplicationScoped
public class PlanRemindersJob implements ScheduledJob {

    static final String NAME = "plan-reminders";

    private final DueIndex due;
    private final CatchUpWindows windows;
    private final ScheduleStore schedules;
    private final ReminderPlanner planner;

    PlanRemindersJob(DueIndex due, CatchUpWindows windows, ScheduleStore schedules, ReminderPlanner planner) {
        this.due = due;
        this.windows = windows;
        this.schedules = schedules;
        this.planner = planner;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public JobResult run(Instant now) {
        long started = System.nanoTime();
        CatchUpWindows.Window window = windows.open(NAME, now);
        long planned = 0;
        for (DueIndex.Due item : window.read(due, Keys.PLAN_PREFIX)) {
            String creatorId = item.pk().substring(Keys.creator("").length());
            String scheduleId = item.sk().substring(Keys.SCHEDULE_PREFIX.length());
            var schedule = schedules.find(creatorId, scheduleId);
            if (schedule.isPresent()) {
                planner.plan(creatorId, schedule.get(), now);
                planned++;
            }
        }
        windows.close(window);
        return new JobResult(NAME, Map.of("planned", planned), (System.nanoTime() - started) / 1_000_000, null);
    }
}
