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

import org.jboss.logging.Logger;

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
    /** Plans of one schedule in one call while other requests keep changing the vacation. */
    private static final int MAX_PLANS = 3;
    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class);

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

    /**
     * The same, with the creator's vacation as the caller has just read or written it; then the vacation is read
     * back, and the schedule planned again while another request changed it meanwhile. A plan made with a vacation
     * another request had just replaced (two vacations set at once, or one set while a schedule is edited) would
     * otherwise cancel reminders the stored vacation wants, and nothing would plan them again before the planner's
     * next visit, days later. Every plan is followed by its own look, so the last plan is the stored vacation's.
     */
    public void plan(String creatorId, Schedule schedule, Optional<Vacation> vacation, Instant now) {
        Optional<Vacation> with = vacation;
        for (int round = 1; round <= MAX_PLANS; round++) {
            Instant horizon = horizon(now);
            plan(creatorId, schedule, now, occurrences.between(creatorId, schedule, with, now, horizon),
                    reminders.pending(creatorId, schedule.id(), Occurrences.day(now.minus(Timeline.MARGIN))));
            Optional<Vacation> stored = schedules.vacation(creatorId);
            if (stored.equals(with)) {
                return;
            }
            with = stored;
        }
        LOG.warnf("The vacation of %s kept changing during %d plans of schedule %s; its reminders may not follow the"
                + " stored vacation until the planner's next visit", creatorId, MAX_PLANS, schedule.id());
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
            Reminder want = wanted.get(pending.reminderId());
            if (want != null && want.dueAt().equals(pending.dueAt())) {
                wanted.remove(pending.reminderId());
            } else if (pending.dueAt().isAfter(now)) {
                // not wanted any more, or wanted at another time (a checklist whose smallest offset changed):
                // the wanted one, if any, is written again below
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
     * {@link #LATE_CHECKLIST_MIN_AHEAD}; its id is the live's start's, so planning again never sends it twice.
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
