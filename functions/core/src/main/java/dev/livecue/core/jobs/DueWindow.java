package dev.livecue.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The due-index minutes a job reads on one tick, from its cursor (the last minute it finished): every minute
 * since, so minutes missed while the dispatcher was down are caught up, but at most {@code maxCatchUp} of them
 * per tick, so a long outage is worked off over several ticks instead of timing out. The current minute is read
 * but not finished ({@link #done} stays before it), because items due later in it are read again next tick.
 * Without a cursor, or with one ahead of the clock (another dispatcher's clock runs ahead, or time was set
 * back), the last {@code maxCatchUp} is read: claims are conditional, so reading again costs reads, never a
 * duplicate.
 */
public record DueWindow(Instant from, Instant to, Instant done) {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    public static DueWindow of(Optional<Instant> cursor, Instant now, Duration maxCatchUp) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        Instant earliest = current.minus(maxCatchUp).plus(MINUTE);
        Instant from = cursor.map(c -> c.truncatedTo(ChronoUnit.MINUTES).plus(MINUTE))
                .filter(next -> !next.isAfter(current))
                .orElse(earliest);
        Instant to = from.plus(maxCatchUp).minus(MINUTE);
        if (!to.isBefore(current)) {
            return new DueWindow(from, current, current.minus(MINUTE));
        }
        return new DueWindow(from, to, to);
    }
}
