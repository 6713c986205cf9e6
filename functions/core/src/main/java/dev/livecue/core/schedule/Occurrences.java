package dev.livecue.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.store.ScheduleStore;

/** Loads what {@link Timeline} needs from the store: the one place that reads occurrences. */
@ApplicationScoped
public class Occurrences {

    /** Order of the occurrence list: by start, then by id so that equal starts keep one order across pages. */
    public static final Comparator<Occurrence> BY_START = Comparator.comparing(Occurrence::start)
            .thenComparing(Occurrence::occurrenceId);

    /**
     * How far after an edit (or a deletion) a live it dropped may start: a live starts at most
     * {@link Occurrence#MAX_EARLY_LIVE} before its planned start, by a phone's clock that may run minutes ahead (an
     * hour covers that).
     */
    private static final Duration DROPPED_REACH = Occurrence.MAX_EARLY_LIVE.plusHours(1);

    /** How far before now a window must start to be one that looks at the past (now, read a moment ago, does not). */
    private static final Duration PAST = Duration.ofMinutes(1);

    private final ScheduleStore store;
    private final Clock clock;

    Occurrences(ScheduleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * One schedule's occurrences starting between {@code from} and {@code to}, by start. What is recorded about
     * occurrences is only read when the series plans one near the window (a state belongs to a planned date) or
     * the window reaches back to when the series was last edited (a live it dropped is still shown), so a schedule
     * with nothing there costs no query.
     */
    public List<Occurrence> between(String creatorId, Schedule schedule, Optional<Vacation> vacation, Instant from,
            Instant to) {
        if (schedule.series().starts(from.minus(Timeline.MARGIN), to.plus(Timeline.MARGIN), 1).isEmpty()
                && !mayHoldDroppedLives(schedule, from)) {
            return List.of();
        }
        return Timeline.between(schedule, store.states(creatorId, schedule.id(), day(from.minus(Timeline.MARGIN)),
                day(to.plus(Timeline.MARGIN))), vacation, from, to);
    }

    /**
     * Whether an occurrence the series no longer plans could start at or after {@code from}: only an edit drops one,
     * and only one live then (started up to a day early) or over has a state that keeps it.
     */
    private static boolean mayHoldDroppedLives(Schedule schedule, Instant from) {
        return schedule.updatedAt().isAfter(schedule.createdAt()) && !from.isAfter(schedule.updatedAt().plus(DROPPED_REACH));
    }

    /** A schedule just created has nothing recorded about its occurrences: they are the series' own. */
    public static List<Occurrence> ofNew(Schedule schedule, Optional<Vacation> vacation, Instant from, Instant to) {
        return Timeline.between(schedule, Map.of(), vacation, from, to);
    }

    public List<Occurrence> between(String creatorId, Schedule schedule, Instant from, Instant to) {
        return between(creatorId, schedule, store.vacation(creatorId), from, to);
    }

    /**
     * Every schedule's occurrences starting between {@code from} and {@code to}, by start; a window that reaches
     * into the past also has the lives of deleted schedules that happened then (one query more, which windows from
     * now, the goodbye's and the make-up slot's, do not pay).
     */
    public List<Occurrence> all(String creatorId, Instant from, Instant to) {
        List<Occurrence> all = new ArrayList<>(all(creatorId, store.all(creatorId), from, to));
        if (from.isBefore(clock.instant().minus(PAST))) {
            for (ScheduleStore.DeletedSchedule deleted : store.deleted(creatorId)) {
                // its lives started after it was made and at most a day early for one planned before its deletion
                if (deleted.schedule().createdAt().isAfter(to) || deleted.deletedAt().plus(DROPPED_REACH).isBefore(from)) {
                    continue;
                }
                all.addAll(Timeline.happened(deleted.schedule(), store.states(creatorId, deleted.schedule().id(),
                        day(from.minus(Timeline.MARGIN)), day(to.plus(Timeline.MARGIN))), from, to));
            }
            all.sort(BY_START);
        }
        return all;
    }

    /** The occurrences of {@code schedules} (all of one creator's) starting between {@code from} and {@code to}. */
    public List<Occurrence> all(String creatorId, List<Schedule> schedules, Instant from, Instant to) {
        return schedules.isEmpty() ? List.of() : all(creatorId, schedules, store.vacation(creatorId), from, to);
    }

    /** The same, with the creator's vacation already read. */
    public List<Occurrence> all(String creatorId, List<Schedule> schedules, Optional<Vacation> vacation, Instant from,
            Instant to) {
        List<Occurrence> all = new ArrayList<>();
        for (Schedule schedule : schedules) {
            all.addAll(between(creatorId, schedule, vacation, from, to));
        }
        all.sort(BY_START);
        return all;
    }

    /** The occurrence the series planned on {@code date}, as it stands now. */
    public Optional<Occurrence> on(String creatorId, Schedule schedule, LocalDate date) {
        return Timeline.on(schedule, date, store.state(creatorId, schedule.id(), date), store.vacation(creatorId));
    }

    /**
     * Records {@code status} on the occurrence as it was judged ({@code judged}), with the start it had (where a
     * move put it, or the series planned it: kept), its title and its length. False when its schedule is gone;
     * {@link ScheduleStore.ConcurrentUpdateException} when it changed since.
     */
    public boolean record(String creatorId, Occurrence judged, OccurrenceStatus status, Instant now) {
        Optional<OccurrenceState> record = recordOf(judged, status, now);
        return record.isPresent() && store.putState(creatorId, record.get());
    }

    /**
     * The record of {@code status} on an occurrence as it was judged, at the version it was read at: its start
     * (kept where the series had it, unless a move put it there), its title and its length. Empty for an
     * occurrence of a draft, which has no id.
     */
    public static Optional<OccurrenceState> recordOf(Occurrence judged, OccurrenceStatus status, Instant now) {
        return OccurrenceIds.parse(judged.occurrenceId()).map(ref -> new OccurrenceState(ref.scheduleId(), ref.date(),
                status, LocalDateTime.parse(judged.localStart()), judged.timeZone(), judged.originalStart() == null,
                judged.title(), judged.durationMinutes(), now, judged.stateVersion()));
    }

    /** The UTC date of an instant: the day-granular bounds of state and reminder key ranges. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
