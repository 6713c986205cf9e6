package dev.livecue.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a schedule's series, its per-occurrence states and the creator's vacation into the occurrences the API
 * shows. Pure: the callers load what it needs. A moved occurrence stays within {@link #MOVE_REACH} of the date
 * it was planned on, so a window of occurrences only needs the states of planned dates that close to it.
 */
public final class Timeline {

    public static final Duration MOVE_REACH = Duration.ofDays(30);
    /** Expansion margin around a window: the reach of a move plus a day for time zones. */
    public static final Duration MARGIN = MOVE_REACH.plusDays(1);
    /** Enough for any window the API allows (366 days plus the margins), one occurrence per local date at most. */
    private static final int MAX_PER_WINDOW = 366 + 2 * 31 + 2;

    private Timeline() {
    }

    /** The schedule's occurrences whose (possibly moved) start is between {@code from} and {@code to}, by start. */
    public static List<Occurrence> between(Schedule schedule, Map<LocalDate, OccurrenceState> states,
            Optional<Vacation> vacation, Instant from, Instant to) {
        List<Occurrence> found = new ArrayList<>();
        for (ZonedDateTime planned : schedule.series().starts(from.minus(MARGIN), to.plus(MARGIN), MAX_PER_WINDOW)) {
            Occurrence o = occurrence(schedule, planned, states.get(planned.toLocalDate()), vacation);
            if (!o.start().isBefore(from) && !o.start().isAfter(to)) {
                found.add(o);
            }
        }
        found.sort((a, b) -> a.start().compareTo(b.start()));
        return found;
    }

    /** The occurrence planned on {@code date}, if the series has one there. */
    public static Optional<Occurrence> on(Schedule schedule, LocalDate date, Optional<OccurrenceState> state,
            Optional<Vacation> vacation) {
        return schedule.series().on(date).map(planned -> occurrence(schedule, planned, state.orElse(null), vacation));
    }

    private static Occurrence occurrence(Schedule schedule, ZonedDateTime planned, OccurrenceState state,
            Optional<Vacation> vacation) {
        boolean moved = state != null && state.start() != null;
        ZonedDateTime start = moved ? ZonedDateTime.of(state.start(), ZoneId.of(state.timeZone())) : planned;
        OccurrenceStatus status = state == null ? OccurrenceStatus.SCHEDULED : state.status();
        String cancelledBy = status == OccurrenceStatus.CANCELLED ? Occurrence.BY_CREATOR : null;
        LocalDate day = start.toLocalDate();
        if (status.upcoming() && vacation.map(v -> v.covers(day)).orElse(false)) {
            status = OccurrenceStatus.CANCELLED;
            cancelledBy = Occurrence.BY_VACATION;
        }
        Instant at = start.toInstant();
        // a draft (a previewed schedule) has no id yet, and so its occurrences have none
        String id = schedule.id() == null ? null : OccurrenceIds.of(schedule.id(), planned.toLocalDate());
        return new Occurrence(id, schedule.id(), schedule.title(), at,
                at.plus(schedule.duration()), start.toLocalDateTime().toString(), start.getZone().getId(),
                schedule.durationMinutes(), status, moved ? planned.toInstant() : null, cancelledBy,
                state == null || state.updatedAt().isBefore(schedule.updatedAt()) ? schedule.updatedAt() : state.updatedAt(),
                state == null ? 0 : state.version());
    }
}
