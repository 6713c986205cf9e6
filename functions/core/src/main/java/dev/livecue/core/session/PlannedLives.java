package dev.livecue.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceIds;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.schedule.Occurrences;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.schedule.Vacation;
import dev.livecue.core.store.ScheduleStore;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What sessions need of the creator's planned lives (the schedules' occurrences, expanded by the schedules code, never
 * here): the occurrence a session is for, the lives around it, and recording {@code live}, {@code held} or
 * {@code missed} on an occurrence.
 */
@ApplicationScoped
public class PlannedLives {

    /** How far ahead the goodbye looks for the next live. */
    static final Duration NEXT_WINDOW = Duration.ofDays(366);
    /** The growing windows of the next-live lookup (each a continuation of the one before), ending at the whole. */
    private static final List<Duration> NEXT_STEPS = List.of(Duration.ofDays(8), Duration.ofDays(64), NEXT_WINDOW);

    private final Occurrences occurrences;
    private final ScheduleStore schedules;

    PlannedLives(Occurrences occurrences, ScheduleStore schedules) {
        this.occurrences = occurrences;
        this.schedules = schedules;
    }

    /** The occurrence as it stands now; empty for an unknown id or another creator's. */
    public Optional<Occurrence> find(String creatorId, String occurrenceId) {
        return OccurrenceIds.parse(occurrenceId).flatMap(ref -> schedules.find(creatorId, ref.scheduleId())
                .flatMap(schedule -> occurrences.on(creatorId, schedule, ref.date())));
    }

    /** Every occurrence starting in [from, to], whatever its status, by start. */
    public List<Occurrence> between(String creatorId, Instant from, Instant to) {
        return occurrences.all(creatorId, from, to);
    }

    /**
     * The first live still to come after {@code after}, other than {@code current} (the one being live now). The
     * lookup widens through {@link #NEXT_STEPS} and stops at the first window with one: most creators go live
     * again within days, and expanding every series over the whole year only to take its first live is wasted.
     */
    public Optional<NextLive> next(String creatorId, Optional<Vacation> vacation, Instant after, String current) {
        List<Schedule> all = schedules.all(creatorId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Instant from = after;
        for (Duration step : NEXT_STEPS) {
            Instant to = after.plus(step);
            Optional<Occurrence> found = occurrences.all(creatorId, all, vacation, from, to).stream()
                    .filter(o -> o.status().upcoming() && o.start().isAfter(after) && !o.occurrenceId().equals(current))
                    .findFirst();
            if (found.isPresent()) {
                Occurrence o = found.get();
                return Optional.of(new NextLive(o.occurrenceId(), o.scheduleId(), o.start(), o.localStart(), o.timeZone(), o.title()));
            }
            from = to;
        }
        return Optional.empty();
    }

    /**
     * The write that records {@code status} on the occurrence, for the transaction of the session that caused it;
     * empty when the id names no occurrence.
     */
    public Optional<TransactWriteItem> statusWrite(String creatorId, String occurrenceId, OccurrenceStatus status, Instant now) {
        return OccurrenceIds.parse(occurrenceId)
                .map(ref -> schedules.statusWrite(creatorId, ref.scheduleId(), ref.date(), status, now));
    }

    /**
     * The write that makes the occurrence {@code live} for a starting session, if nothing changed it since it was
     * read as {@code occurrence} (another session made it live, the creator cancelled or moved it).
     */
    public Optional<TransactWriteItem> liveWrite(String creatorId, Occurrence occurrence, Instant now) {
        return Occurrences.recordOf(occurrence, OccurrenceStatus.LIVE, now).map(live -> schedules.liveWrite(creatorId, live));
    }

    /**
     * Records {@code status} on the occurrence as it was judged ({@code judged}), with the start it had, so that a
     * later edit of the series does not move what is history ({@link Occurrences#record}). False when its schedule is
     * gone; {@link ScheduleStore.ConcurrentUpdateException} when it changed since (a live started late for it, say).
     */
    public boolean setStatus(String creatorId, Occurrence judged, OccurrenceStatus status, Instant now) {
        return occurrences.record(creatorId, judged, status, now);
    }
}
