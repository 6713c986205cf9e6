package dev.livecue.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The application's clock in tests: it follows real time until a test pins it, and tests can move it, so that
 * "an hour later" or "across the DST change" needs no sleeping.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Livecue works in UTC instants");
    }

    @Override
    public Instant instant() {
        Instant fixed = pinned.get();
        Instant base = fixed != null ? fixed : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return base.plus(offset.get());
    }

    /** Stops the clock at {@code instant}. */
    public void pin(Instant instant) {
        offset.set(Duration.ZERO);
        pinned.set(instant);
    }

    /** Moves the clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Back to real time. */
    public void reset() {
        pinned.set(null);
        offset.set(Duration.ZERO);
    }
}
