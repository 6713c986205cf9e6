package dev.livecue.core.reminder;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
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

    private final DueWork dueWork;
    private final ScheduleStore schedules;
    private final ReminderPlanner planner;

    PlanRemindersJob(DueWork dueWork, ScheduleStore schedules, ReminderPlanner planner) {
        this.dueWork = dueWork;
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
        return dueWork.run(NAME, Keys.PLAN_PREFIX, "planned", now, (creatorId, scheduleId, at) -> schedules
                .find(creatorId, scheduleId)
                .map(schedule -> {
                    planner.plan(creatorId, schedule, at);
                    return true;
                })
                .orElse(false));
    }
}
