package dev.livecue.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a schedule's series, its per-occurrence states and the creator's vacation into the occurrences the API
 * shows. Pure: the callers load what it needs. A moved occurrence stays within {@link #MOVE_REACH} of the date
 * it was planned on, so a window of occurrences only needs the states of planned dates that close to it.
 * <p>
 * A state that holds a start (a move, or a session's status, which records the start the live had) keeps the
 * occurrence at that start, and one a session or the missed-live sweep wrote keeps its title and length: an edit
 * of the series changes the lives still to come, not one that is live or over. If the edited series no longer plans
 * that date at all, the occurrence is still shown from its state when a session made it history ({@code live},
 * {@code held}, {@code missed}); a cancel or move of a date the series dropped goes with it.
 */
public final class Timeline {

    public static final Duration MOVE_REACH = Duration.ofDays(30);
    /** Expansion margin around a window: the reach of a move plus a day for time zones. */
    public static final Duration MARGIN = MOVE_REACH.plusDays(1);
    /** Enough for any window the API allows (366 days plus the margins), one occurrence per local date at most. */
    private static final int MAX_PER_WINDOW = 366 + 2 * 31 + 2;
    /** What sessions make of an occurrence: it happened (or was missed), whatever becomes of its series. */
    private static final Set<OccurrenceStatus> HAPPENED = EnumSet.of(OccurrenceStatus.LIVE, OccurrenceStatus.HELD,
            OccurrenceStatus.MISSED);

    private Timeline() {
    }

    /** The schedule's occurrences whose (possibly moved) start is between {@code from} and {@code to}, by start. */
    public static List<Occurrence> between(Schedule schedule, Map<LocalDate, OccurrenceState> states,
            Optional<Vacation> vacation, Instant from, Instant to) {
        List<Occurrence> all = new ArrayList<>();
        Set<LocalDate> planned = new HashSet<>();
        for (ZonedDateTime at : schedule.series().starts(from.minus(MARGIN), to.plus(MARGIN), MAX_PER_WINDOW)) {
            planned.add(at.toLocalDate());
            all.add(occurrence(schedule, at, states.get(at.toLocalDate()), vacation));
        }
        states.values().stream().filter(state -> !planned.contains(state.date()))
                .flatMap(state -> history(schedule, state).stream()).forEach(all::add);
        return within(all, from, to);
    }

    /**
     * The lives of a deleted schedule that happened (its states say so: live, held, missed), starting between
     * {@code from} and {@code to}; a state written before starts were recorded is where the series planned it.
     */
    public static List<Occurrence> happened(Schedule deleted, Map<LocalDate, OccurrenceState> states, Instant from, Instant to) {
        return within(states.values().stream().filter(state -> HAPPENED.contains(state.status()))
                .flatMap(state -> on(deleted, state.date(), Optional.of(state), Optional.empty()).stream()).toList(), from, to);
    }

    private static List<Occurrence> within(List<Occurrence> all, Instant from, Instant to) {
        List<Occurrence> found = new ArrayList<>();
        for (Occurrence o : all) {
            if (!o.start().isBefore(from) && !o.start().isAfter(to)) {
                found.add(o);
            }
        }
        found.sort((a, b) -> a.start().compareTo(b.start()));
        return found;
    }

    /** The occurrence planned on {@code date}, if the series has one there or a session made one there history. */
    public static Optional<Occurrence> on(Schedule schedule, LocalDate date, Optional<OccurrenceState> state,
            Optional<Vacation> vacation) {
        Optional<ZonedDateTime> planned = schedule.series().on(date);
        return planned.isPresent() ? Optional.of(occurrence(schedule, planned.get(), state.orElse(null), vacation))
                : state.flatMap(s -> history(schedule, s));
    }

    /** The occurrence of a state whose date the series no longer plans, if a session made it history. */
    private static Optional<Occurrence> history(Schedule schedule, OccurrenceState state) {
        boolean kept = state.start() != null && HAPPENED.contains(state.status());
        return kept ? Optional.of(occurrence(schedule, null, state, Optional.empty())) : Optional.empty();
    }

    /** {@code planned}: where the series plans it now (null: nowhere any more, and {@code state} holds its start). */
    private static Occurrence occurrence(Schedule schedule, ZonedDateTime planned, OccurrenceState state,
            Optional<Vacation> vacation) {
        boolean recorded = state != null && state.start() != null;
        ZonedDateTime start = recorded ? ZonedDateTime.of(state.start(), ZoneId.of(state.timeZone())) : planned;
        // a kept start is where the live was planned when it happened: moved from nowhere, even if the series was edited
        boolean moved = recorded && !state.kept() && planned != null;
        OccurrenceStatus status = state == null ? OccurrenceStatus.SCHEDULED : state.status();
        String cancelledBy = status == OccurrenceStatus.CANCELLED ? Occurrence.BY_CREATOR : null;
        LocalDate day = start.toLocalDate();
        if (status.upcoming() && vacation.map(v -> v.covers(day)).orElse(false)) {
            status = OccurrenceStatus.CANCELLED;
            cancelledBy = Occurrence.BY_VACATION;
        }
        Instant at = start.toInstant();
        // a draft (a previewed schedule) has no id yet, and so its occurrences have none
        LocalDate date = planned == null ? state.date() : planned.toLocalDate();
        String id = schedule.id() == null ? null : OccurrenceIds.of(schedule.id(), date);
        boolean happened = state != null && state.title() != null;
        String title = happened ? state.title() : schedule.title();
        int minutes = happened ? state.durationMinutes() : schedule.durationMinutes();
        return new Occurrence(id, schedule.id(), title, at, at.plus(Duration.ofMinutes(minutes)),
                start.toLocalDateTime().toString(), start.getZone().getId(), minutes, status,
                moved ? planned.toInstant() : null, cancelledBy,
                state == null || state.updatedAt().isBefore(schedule.updatedAt()) ? schedule.updatedAt() : state.updatedAt(),
                state == null ? 0 : state.version());
    }
}
