package dev.livecue.core.connection;

import java.time.Instant;
import java.util.List;

/**
 * The running bookkeeping of one live's connection: when the latest poor checks in a row were measured (at most
 * as many as open an incident), how many good checks in a row there were since when, and the open incident.
 * {@code version} guards concurrent check posts: each one moves it on, so only one of two racing posts can
 * apply its transition and the other re-reads and re-applies.
 */
public record IncidentState(List<Instant> poorStreak, int goodStreak, Instant goodSince, Incident open, long version) {

    public static IncidentState none() {
        return new IncidentState(List.of(), 0, null, null, 0);
    }
}
