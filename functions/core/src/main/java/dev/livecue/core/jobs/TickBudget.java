package dev.livecue.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time a tick has left: one budget for all of a tick's jobs, measured from the instant the tick started, so
 * that reminders firing late in a backlog leave the fan-out and the deliveries no less than what remains.
 */
@ApplicationScoped
public class TickBudget {

    private final JobsConfig config;
    private final Clock clock;

    TickBudget(JobsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** What is left of the budget of the tick that started at {@code tickStart} (zero or negative: none). */
    public Duration left(Instant tickStart) {
        return config.tickBudget().minus(Duration.between(tickStart, clock.instant()));
    }

    public int concurrency() {
        return config.concurrency();
    }
}
