package dev.livecue.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.reminder.ReminderPlanner;
import dev.livecue.core.store.ScheduleStore;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/** The expanded occurrences of all schedules, and cancelling or moving one of them. */
@ApplicationScoped
public class OccurrenceService {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final ScheduleStore store;
    private final ScheduleService schedules;
    private final Occurrences occurrences;
    private final ReminderPlanner planner;
    private final Clock clock;

    OccurrenceService(ScheduleStore store, ScheduleService schedules, Occurrences occurrences, ReminderPlanner planner,
            Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.planner = planner;
        this.clock = clock;
    }

    /**
     * Occurrences starting in [{@code from}, {@code to}) (default now and 30 days later, at most 366 days), by start:
     * half-open like the sessions and analytics windows, so windows laid end to end show each live once. The cursor
     * holds the start and id of the last one shown.
     */
    public Page<Occurrence> list(String creatorId, String fromParam, String toParam, PageRequest page) {
        Violations v = new Violations();
        Instant from = Fields.instantIfGiven(v, "from", fromParam).orElse(clock.instant());
        Instant to = Fields.instantIfGiven(v, "to", toParam).orElse(from.plus(DEFAULT_WINDOW));
        v.check(to.isAfter(from), "to", "must be after from");
        v.check(!to.isAfter(from.plus(MAX_WINDOW)), "to", "must be at most " + MAX_WINDOW.toDays() + " days after from");
        Optional<Cursor> after = page.after().flatMap(Cursor::parse);
        v.check(page.after().isEmpty() || after.isPresent(), "cursor", "is not a cursor of this list");
        v.throwIfAny();
        List<Occurrence> rest = occurrences.all(creatorId, from, to).stream().filter(o -> o.start().isBefore(to))
                .filter(o -> after.map(c -> c.before(o)).orElse(true)).toList();
        List<Occurrence> shown = rest.stream().limit(page.limit()).toList();
        Occurrence last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return Page.of(shown, rest.size() > shown.size() ? last.start() + "|" + last.occurrenceId() : null);
    }

    /** Where a page of occurrences ended: the start and id of its last occurrence. */
    private record Cursor(Instant start, String occurrenceId) {

        static Optional<Cursor> parse(String value) {
            String[] parts = value.split("\\|", 2);
            try {
                return parts.length == 2 ? Optional.of(new Cursor(Instant.parse(parts[0]), parts[1])) : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        boolean before(Occurrence o) {
            int byStart = o.start().compareTo(start);
            return byStart > 0 || byStart == 0 && o.occurrenceId().compareTo(occurrenceId) > 0;
        }
    }

    /** Skips one occurrence; its pending reminders are cancelled. Cancelling twice is harmless. */
    public Occurrence cancel(String creatorId, String scheduleId, String occurrenceId) {
        Target target = target(creatorId, scheduleId, occurrenceId);
        record(creatorId, OccurrenceState.planned(scheduleId, target.date(), OccurrenceStatus.CANCELLED, null, null,
                clock.instant(), target.stateVersion()));
        return replanned(creatorId, target);
    }

    /**
     * Moves one occurrence to a new local start, at most {@link Timeline#MOVE_REACH} from the date it was planned
     * on, without touching the series; its reminders are re-planned for the new time.
     */
    public Occurrence move(String creatorId, String scheduleId, String occurrenceId, OccurrenceMove request) {
        Target target = target(creatorId, scheduleId, occurrenceId);
        Violations v = new Violations();
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        String zoneName = request.timeZone() == null ? target.schedule().timeZone() : request.timeZone();
        Optional<ZoneId> zone = Fields.timeZone(v, "timeZone", zoneName);
        LocalDateTime start = Fields.localDateTime(v, "start", request.start()).orElse(null);
        Instant now = clock.instant();
        if (start != null && zone.isPresent()) {
            v.check(start.atZone(zone.get()).toInstant().isAfter(now), "start", "must be in the future");
            v.check(Math.abs(Duration.between(target.date().atStartOfDay(), start.toLocalDate().atStartOfDay()).toDays())
                    <= Timeline.MOVE_REACH.toDays(), "start", "must be within " + Timeline.MOVE_REACH.toDays()
                    + " days of " + target.date() + "; for a bigger change cancel this one and plan a new live");
        }
        v.throwIfAny();
        refuseOverlap(creatorId, target, occurrenceId, start.atZone(zone.get()).toInstant());
        record(creatorId, OccurrenceState.planned(scheduleId, target.date(), OccurrenceStatus.MOVED, start, zoneName, now,
                target.stateVersion()));
        return replanned(creatorId, target);
    }

    /** A series is one live at a time: a move may not land on another of its lives (a cancelled one is no obstacle). */
    private void refuseOverlap(String creatorId, Target target, String occurrenceId, Instant start) {
        Duration length = target.schedule().duration();
        Instant end = start.plus(length);
        occurrences.between(creatorId, target.schedule(), start.minus(length), end).stream()
                .filter(o -> !o.occurrenceId().equals(occurrenceId) && o.status() != OccurrenceStatus.CANCELLED)
                .filter(o -> o.start().isBefore(end) && start.isBefore(o.end()))
                .findFirst().ifPresent(other -> {
                    throw ApiException.conflict("The move would overlap " + other.occurrenceId() + " (" + other.localStart()
                            + " " + other.timeZone() + "); move or cancel that one first");
                });
    }

    /** An occurrence to change: its schedule, planned date, and the version of its record as read. */
    private record Target(Schedule schedule, java.time.LocalDate date, long stateVersion) {
    }

    /** The schedule and planned date of an occurrence that may still be changed; 404 for anything else. */
    private Target target(String creatorId, String scheduleId, String occurrenceId) {
        Schedule schedule = schedules.find(creatorId, scheduleId);
        OccurrenceIds.Ref ref = OccurrenceIds.parse(occurrenceId).filter(r -> r.scheduleId().equals(scheduleId))
                .orElseThrow(() -> ApiException.notFound("Occurrence " + occurrenceId));
        Occurrence current = occurrences.on(creatorId, schedule, ref.date())
                .orElseThrow(() -> ApiException.notFound("Occurrence " + occurrenceId));
        if (!current.start().isAfter(clock.instant()) || !(current.status().upcoming()
                || current.status() == OccurrenceStatus.CANCELLED)) {
            throw ApiException.conflict("Occurrence " + occurrenceId + " has started or is over ("
                    + current.status().json() + "); it can no longer be changed");
        }
        return new Target(schedule, ref.date(), current.stateVersion());
    }

    /**
     * Writes the change if the occurrence is still as it was read: of two changes at once (a cancel and a move, two
     * moves, a move and the live starting), the second gets 409 concurrent-update and nothing is written; sent
     * again, it is judged on what the first one left.
     */
    private void record(String creatorId, OccurrenceState state) {
        try {
            if (!store.putState(creatorId, state)) {
                throw ScheduleService.notFound(state.scheduleId());
            }
        } catch (ScheduleStore.ConcurrentUpdateException e) {
            throw ApiException.concurrentUpdate("Occurrence " + OccurrenceIds.of(state.scheduleId(), state.date())
                    + " was changed by another request at the same moment; nothing was changed by this one, send it again");
        }
    }

    private Occurrence replanned(String creatorId, Target target) {
        planner.plan(creatorId, target.schedule(), clock.instant());
        return occurrences.on(creatorId, target.schedule(), target.date()).orElseThrow();
    }
}
