package dev.livecue.core.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of the dispatcher's jobs: the instant it is for, and until when its jobs may start new work. The
 * deadline is on the monotonic clock, because the budget is about real elapsed time (the Lambda's timeout),
 * whatever the injected {@link java.time.Clock} says.
 */
public record Tick(Instant now, long deadlineNanos) {

    /** A tick for {@code now} whose jobs may start new work for {@code budget} from this moment. */
    public static Tick of(Instant now, Duration budget) {
        return new Tick(now, System.nanoTime() + budget.toNanos());
    }

    /** What is left of the budget (zero or negative: none). */
    public Duration left() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    /** Whether the budget is used up: no new work may start. */
    public boolean spent() {
        return deadlineNanos - System.nanoTime() <= 0;
    }
}
