package dev.livecue.core.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.livecue.core.config.SchedulesConfig;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.Occurrences;
import dev.livecue.core.schedule.OccurrencesPlanned;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.schedule.Timeline;
import dev.livecue.core.schedule.Vacation;
import dev.livecue.core.store.ReminderStore;
import dev.livecue.core.store.ScheduleStore;

/**
 * Keeps a schedule's pending reminders equal to what its occurrences need over the rolling horizon: one reminder
 * per upcoming occurrence and offset, plus the creator's checklist. Planning compares the wanted reminders with
 * the pending ones, cancels what is no longer wanted (a cancelled or moved occurrence, a changed offset, a
 * vacation) and writes what is missing; it is idempotent, so the API and the planner job may both run it.
 * Reminders already due are left alone: the dispatcher judges them against the occurrence when it fires them.
 */
@ApplicationScoped
public class ReminderPlanner {

    /**
     * A live planned closer than its checklist's lead gets the checklist at once if it starts at least this much
     * later (the shortest reminder the API takes); closer than that, there is no time to get ready by it.
     */
    static final Duration LATE_CHECKLIST_MIN_AHEAD = Duration.ofMinutes(5);

    private final ScheduleStore schedules;
    private final Occurrences occurrences;
    private final ReminderStore reminders;
    private final SchedulesConfig config;
    private final Event<OccurrencesPlanned> planned;

    ReminderPlanner(ScheduleStore schedules, Occurrences occurrences, ReminderStore reminders, SchedulesConfig config,
            Event<OccurrencesPlanned> planned) {
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.reminders = reminders;
        this.config = config;
        this.planned = planned;
    }

    /** Plans the schedule's reminders from {@code now} to the horizon and lists it for its next extension. */
    public void plan(String creatorId, Schedule schedule, Instant now) {
        plan(creatorId, schedule, schedules.vacation(creatorId), now);
    }

    /** The same, with the creator's vacation as the caller has just read or written it. */
    public void plan(String creatorId, Schedule schedule, Optional<Vacation> vacation, Instant now) {
        Instant horizon = horizon(now);
        plan(creatorId, schedule, now, occurrences.between(creatorId, schedule, vacation, now, horizon),
                reminders.pending(creatorId, schedule.id(), Occurrences.day(now.minus(Timeline.MARGIN))));
    }

    /**
     * Writes a schedule just created with its reminders up to the horizon, in one transaction when they fit in one
     * (so a failed request leaves no schedule without its reminders, and the request makes one write). The
     * occurrences are announced first (the sessions side watches their slots): the transaction marks the schedule
     * planned until the planner's next visit, so what it announces must already be written; a watch left by a
     * failed transaction finds no occurrence and is dropped. Nothing is recorded about the occurrences and none of
     * the reminders is pending yet (the id is new), so neither is read. A series with more reminders than a
     * transaction takes is written first, listed for the planner job, then planned, as a changed schedule is: if
     * the request dies between the two, the next tick plans it.
     */
    public void createPlanned(String creatorId, Schedule schedule, Optional<Vacation> vacation, Instant now) {
        Instant horizon = horizon(now);
        List<Occurrence> upcoming = Occurrences.ofNew(schedule, vacation, now, horizon);
        Map<String, Reminder> wanted = wanted(creatorId, schedule, upcoming, now);
        if (wanted.size() > ScheduleStore.MAX_ALONGSIDE_NEW) {
            schedules.put(creatorId, schedule, Optional.empty(), now);
            plan(creatorId, schedule, now, upcoming, List.of());
            return;
        }
        planned.fire(new OccurrencesPlanned(creatorId, upcoming));
        schedules.putPlanned(creatorId, schedule, horizon, nextPlan(schedule, now, horizon),
                wanted.values().stream().map(reminders::planWrite).toList());
    }

    private void plan(String creatorId, Schedule schedule, Instant now, List<Occurrence> upcoming, List<Reminder> pendingNow) {
        Map<String, Reminder> wanted = wanted(creatorId, schedule, upcoming, now);
        for (Reminder pending : pendingNow) {
            if (pending.dueAt().isAfter(now) && wanted.remove(pending.reminderId()) == null) {
                reminders.cancel(creatorId, pending.reminderId());
            }
        }
        wanted.values().forEach(reminders::plan);
        planned.fire(new OccurrencesPlanned(creatorId, upcoming));
        Instant horizon = horizon(now);
        schedules.markPlanned(creatorId, schedule.id(), horizon, nextPlan(schedule, now, horizon));
    }

    /** The reminders the upcoming occurrences want, by id. */
    private Map<String, Reminder> wanted(String creatorId, Schedule schedule, List<Occurrence> upcoming, Instant now) {
        Map<String, Reminder> wanted = new LinkedHashMap<>();
        for (Occurrence occurrence : upcoming) {
            if (occurrence.status().upcoming()) {
                wanted(creatorId, schedule, occurrence, now).forEach(r -> wanted.put(r.reminderId(), r));
            }
        }
        return wanted;
    }

    private Instant horizon(Instant now) {
        return now.plus(config.reminderHorizon());
    }

    /** Cancels every pending reminder of a schedule that is going away. */
    public void cancelAll(String creatorId, String scheduleId, Instant now) {
        reminders.pending(creatorId, scheduleId, Occurrences.day(now.minus(Timeline.MARGIN)))
                .forEach(r -> reminders.cancel(creatorId, r.reminderId()));
    }

    /** Pending reminders of the schedule, by due time, for the creator to see. */
    public List<Reminder> pending(String creatorId, String scheduleId, Instant now) {
        return reminders.pending(creatorId, scheduleId, Occurrences.day(now.minus(Timeline.MARGIN)));
    }

    /**
     * The reminders one occurrence wants: each offset before its start, and the checklist at the checklist lead
     * or with the smallest reminder if that is earlier. Audience reminders already due are not wanted any more; the
     * checklist of a live planned (or moved) closer than its lead is due at once, unless the live starts within
     * {@link #LATE_CHECKLIST_MIN_AHEAD}. It keeps the id of its planned time, so planning again never sends it twice.
     */
    List<Reminder> wanted(String creatorId, Schedule schedule, Occurrence occurrence, Instant now) {
        List<Reminder> wanted = new ArrayList<>();
        List<Duration> offsets = schedule.reminderOffsets();
        for (Duration offset : offsets) {
            wanted.add(Reminder.planned(creatorId, schedule.id(), occurrence.occurrenceId(), Reminder.Kind.REMINDER,
                    offset.toString(), occurrence.start().minus(offset), occurrence.start()));
        }
        wanted.removeIf(r -> !r.dueAt().isAfter(now));
        Duration smallest = offsets.stream().min(Duration::compareTo).orElse(config.checklistLead());
        Duration lead = smallest.compareTo(config.checklistLead()) > 0 ? smallest : config.checklistLead();
        Reminder checklist = Reminder.planned(creatorId, schedule.id(), occurrence.occurrenceId(),
                Reminder.Kind.CHECKLIST, null, occurrence.start().minus(lead), occurrence.start());
        if (checklist.dueAt().isAfter(now)) {
            wanted.add(checklist);
        } else if (occurrence.start().minus(LATE_CHECKLIST_MIN_AHEAD).isAfter(now)) {
            wanted.add(checklist.withDueAt(now));
        }
        return wanted;
    }

    /**
     * When to extend the horizon again, if the series goes on beyond it: early enough that the longest reminder
     * (P7D) of an occurrence just beyond the horizon is planned before it is due, with a day to spare for a
     * dispatcher outage.
     */
    private Optional<Instant> nextPlan(Schedule schedule, Instant now, Instant horizon) {
        if (schedule.series().starts(horizon, horizon.plus(Duration.ofDays(3660)), 1).isEmpty()) {
            return Optional.empty();
        }
        Duration every = config.reminderHorizon().minus(CreatorService.MAX_REMINDER).minusDays(1);
        return Optional.of(now.plus(every.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : every));
    }
}
