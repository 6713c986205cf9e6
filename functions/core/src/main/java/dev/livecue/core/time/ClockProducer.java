package dev.livecue.core.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The one source of "now". Tests replace it with a clock they can move. */
public class ClockProducer {

    /** UTC, ticking in whole milliseconds so that stored and returned instants look alike. */
    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
