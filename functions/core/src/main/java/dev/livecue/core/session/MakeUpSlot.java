package dev.livecue.core.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import dev.livecue.core.schedule.Vacation;

/** A suggested slot to make up for an interrupted live: UTC start, and wall-clock start in the live's own zone. */
public record MakeUpSlot(Instant start, String localStart, String timeZone, int durationMinutes) {

    /** How many days ahead a free day is looked for. */
    public static final int SEARCH_DAYS = 14;

    /** A planned live that a make-up slot must not collide with. */
    public record Busy(Instant start, Duration duration) {

        boolean overlaps(Instant otherStart, Duration otherDuration) {
            return start.isBefore(otherStart.plus(otherDuration)) && otherStart.isBefore(start.plus(duration));
        }
    }

    /**
     * The first day from the day after {@code interruptedOn} on, at the same wall-clock {@code time} in {@code zone},
     * that the creator's vacation does not cover and whose slot overlaps no planned live; empty when every day of the
     * next {@link #SEARCH_DAYS} is taken (a creator who is live every day needs no extra live, the next regular one
     * is the make-up).
     */
    public static Optional<MakeUpSlot> suggest(LocalDate interruptedOn, LocalTime time, ZoneId zone, Duration duration,
            List<Busy> planned, Optional<Vacation> vacation) {
        for (int day = 1; day <= SEARCH_DAYS; day++) {
            // atZone moves a time that falls into a spring-forward gap to just after it
            ZonedDateTime candidate = LocalDateTime.of(interruptedOn.plusDays(day), time).atZone(zone);
            Instant start = candidate.toInstant();
            boolean off = vacation.map(v -> v.covers(candidate.toLocalDate())).orElse(false);
            if (!off && planned.stream().noneMatch(busy -> busy.overlaps(start, duration))) {
                return Optional.of(new MakeUpSlot(start, candidate.toLocalDateTime().toString(), zone.getId(),
                        (int) duration.toMinutes()));
            }
        }
        return Optional.empty();
    }
}
