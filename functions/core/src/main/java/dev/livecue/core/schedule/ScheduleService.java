package dev.livecue.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.idempotency.NewIds;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.reminder.ReminderPlanner;
import dev.livecue.core.store.ScheduleStore;
import dev.livecue.core.validation.Violations;

/** Creating, reading, changing and deleting schedules; every change re-plans the schedule's pending reminders. */
@ApplicationScoped
public class ScheduleService {

    private static final int NEXT_SHOWN = 5;
    /** How far back a deleted series' lives may still wait for the missed-live sweep's judgement (it runs within minutes). */
    private static final Duration UNJUDGED_REACH = Duration.ofDays(1);
    /** How far ahead {@code nextOccurrences} looks first: far enough for five lives of most series. */
    private static final Duration NEXT_WINDOW = Duration.ofDays(366);
    /** How far it looks for a sparser series (yearly, or a first live more than a year away). */
    private static final Duration NEXT_REACH = Duration.ofDays(36_525);

    private final ScheduleStore store;
    private final Occurrences occurrences;
    private final CreatorService creators;
    private final VacationService vacations;
    private final ReminderPlanner planner;
    private final NewIds ids;
    private final Clock clock;

    ScheduleService(ScheduleStore store, Occurrences occurrences, CreatorService creators, VacationService vacations,
            ReminderPlanner planner, NewIds ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.occurrences = occurrences;
        this.creators = creators;
        this.vacations = vacations;
        this.planner = planner;
        this.clock = clock;
    }

    /** A new schedule's valid fields, and the vacation its plan must respect. */
    private record Draft(ScheduleRules.Valid valid, Optional<Vacation> vacation) {
    }

    public ScheduleDetails create(String creatorId, NewSchedule request) {
        Instant now = clock.instant();
        String id = ids.next("sch_");
        return ids.once(() -> {
            Draft draft = draft(creatorId, request, now);
            Schedule schedule = schedule(id, draft.valid(), now, now, 1);
            planner.createPlanned(creatorId, schedule, draft.vacation(), now);
            return details(creatorId, schedule, aheadOfNew(schedule, draft, now), now, false);
        }, () -> store.find(creatorId, id).map(earlier -> details(creatorId, earlier, store.vacation(creatorId), now, false)));
    }

    /**
     * What {@link #create} would answer (the same rules, next occurrences and warnings), without storing anything:
     * the app calls it as the creator types. The draft has no id, so its occurrences have none either.
     */
    public ScheduleDetails preview(String creatorId, NewSchedule request) {
        Instant now = clock.instant();
        Draft draft = draft(creatorId, request, now);
        Schedule schedule = schedule(null, draft.valid(), null, null, 0);
        return details(creatorId, schedule, aheadOfNew(schedule, draft, now), now, false);
    }

    /** A new schedule has nothing recorded about its occurrences yet: they are its series' own. */
    private static List<Occurrence> aheadOfNew(Schedule schedule, Draft draft, Instant now) {
        return firstAhead(schedule, now, window -> Occurrences.ofNew(schedule, draft.vacation(), now, now.plus(window)));
    }

    /** Validates a new schedule against the creator's profile, read in one call with its vacation. */
    private Draft draft(String creatorId, NewSchedule request, Instant now) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        CreatorContext context = vacations.creatorContext(creatorId);
        return new Draft(ScheduleRules.validate(new Violations(), request, context.creator(), now, true), context.vacation());
    }

    public Page<ScheduleDetails> list(String creatorId, PageRequest page) {
        page.within(dev.livecue.core.store.Keys.SCHEDULE_PREFIX);
        Instant now = clock.instant();
        Optional<Vacation> vacation = store.vacation(creatorId);
        return store.list(creatorId, page).map(s -> details(creatorId, s, vacation, now, false));
    }

    public ScheduleDetails get(String creatorId, String scheduleId) {
        return details(creatorId, find(creatorId, scheduleId), store.vacation(creatorId), clock.instant(), true);
    }

    /** Applies a merge patch; timing changes apply to the occurrences from now on and re-plan their reminders. */
    public ScheduleDetails update(String creatorId, String scheduleId, JsonNode body) {
        Schedule current = find(creatorId, scheduleId);
        Violations v = new Violations();
        NewSchedule merged = SchedulePatch.apply(current, body, v);
        v.throwIfAny();
        Instant now = clock.instant();
        boolean startChanged = !merged.start().equals(current.start().toString()) || !merged.timeZone().equals(current.timeZone());
        ScheduleRules.Valid valid = ScheduleRules.validate(v, merged, creators.get(creatorId), now, startChanged);
        Schedule updated = schedule(current.id(), valid, current.createdAt(), now, current.version() + 1);
        try {
            store.put(creatorId, updated, Optional.of(current.version()), now);
        } catch (ScheduleStore.ConcurrentUpdateException e) {
            throw changedMeanwhile();
        }
        // read after the write: a vacation set meanwhile either is seen here or re-plans the schedule as written
        Optional<Vacation> vacation = store.vacation(creatorId);
        planner.plan(creatorId, updated, vacation, now);
        return details(creatorId, updated, vacation, now, true);
    }

    /**
     * Cancels the series: the schedule, its lives still to come and their pending reminders go; the lives that
     * happened stay in history (occurrences of past windows, analytics).
     */
    public void delete(String creatorId, String scheduleId) {
        Schedule schedule = find(creatorId, scheduleId);
        Instant now = clock.instant();
        recordMissed(creatorId, schedule, now);
        try {
            store.delete(creatorId, schedule, now);
        } catch (ScheduleStore.ConcurrentUpdateException e) {
            throw changedMeanwhile();
        }
        planner.cancelAll(creatorId, scheduleId, now);
    }

    /**
     * Records as missed the lives whose start passed without a session by the time their series is deleted: the
     * missed-live sweep, which waits out a grace period for a late start, has no series to judge them by afterwards,
     * and no late start can come for a deleted series.
     */
    private void recordMissed(String creatorId, Schedule schedule, Instant now) {
        for (Occurrence o : occurrences.between(creatorId, schedule, now.minus(UNJUDGED_REACH), now)) {
            if (o.status().upcoming()) {
                try {
                    occurrences.record(creatorId, o, OccurrenceStatus.MISSED, now);
                } catch (ScheduleStore.ConcurrentUpdateException startedOrJudged) {
                    // a live started for it, or the sweep recorded it, at this moment: that record stands
                }
            }
        }
    }

    Schedule find(String creatorId, String scheduleId) {
        return store.find(creatorId, scheduleId).orElseThrow(() -> notFound(scheduleId));
    }

    private static ApiException changedMeanwhile() {
        return ApiException.concurrentUpdate("The schedule was changed by another request; read it again and retry");
    }

    static ApiException notFound(String scheduleId) {
        return ApiException.notFound("Schedule " + scheduleId);
    }

    private ScheduleDetails details(String creatorId, Schedule schedule, Optional<Vacation> vacation, Instant now,
            boolean withReminders) {
        return details(creatorId, schedule,
                firstAhead(schedule, now, window -> occurrences.between(creatorId, schedule, vacation, now, now.plus(window))), now, withReminders);
    }

    /**
     * The schedule's occurrences from now, at least the first {@link #NEXT_SHOWN} where the series has them: a year
     * ahead holds them for most series, and only one that plans lives beyond it (even moved, a live planned earlier
     * cannot get there) costs a second, longer look.
     */
    private static List<Occurrence> firstAhead(Schedule schedule, Instant now, Function<Duration, List<Occurrence>> within) {
        List<Occurrence> ahead = within.apply(NEXT_WINDOW);
        Instant beyond = now.plus(NEXT_WINDOW).minus(Timeline.MARGIN);
        return ahead.size() >= NEXT_SHOWN || schedule.series().starts(beyond, now.plus(NEXT_REACH), 1).isEmpty() ? ahead
                : within.apply(NEXT_REACH);
    }

    /** {@code ahead}: the schedule's occurrences from now, by start. */
    private ScheduleDetails details(String creatorId, Schedule schedule, List<Occurrence> ahead, Instant now,
            boolean withReminders) {
        List<Occurrence> next = ahead.stream().limit(NEXT_SHOWN).toList();
        Optional<Occurrence> firstUpcoming = next.stream().filter(o -> o.status().upcoming()).findFirst();
        return new ScheduleDetails(schedule, next, ScheduleWarnings.all(schedule, firstUpcoming, now),
                withReminders ? planner.pending(creatorId, schedule.id(), now) : null);
    }

    private static Schedule schedule(String id, ScheduleRules.Valid valid, Instant createdAt, Instant now, long version) {
        return new Schedule(id, valid.title(), valid.description(), valid.thumbnailUrl(), valid.keywords(), valid.start(),
                valid.timeZone(), valid.durationMinutes(), valid.recurrence(), valid.reminders(), valid.promote(),
                createdAt, now, version);
    }
}
