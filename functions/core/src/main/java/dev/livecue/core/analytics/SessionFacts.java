package dev.livecue.core.analytics;

import java.time.Duration;
import java.time.Instant;

import dev.livecue.core.session.SessionStats;

/**
 * What analytics needs to know of one session. {@code endedAt} is null while live and for abandoned sessions (their
 * real end is unknown); {@code delayMinutes} is null for an unscheduled live; {@code stats} null until closed.
 */
public record SessionFacts(String id, Instant startedAt, Instant endedAt, Integer delayMinutes, SessionStats stats,
        boolean hadConnectionIncident) {

    boolean ended() {
        return endedAt != null;
    }

    double hours() {
        return Duration.between(startedAt, endedAt).toSeconds() / 3600.0;
    }
}
