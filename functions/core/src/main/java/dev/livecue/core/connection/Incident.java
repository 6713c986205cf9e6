package dev.livecue.core.connection;

import java.time.Instant;

/**
 * A stretch of sustained trouble during a live: from the first of the poor checks that opened it to the first of
 * the good checks that closed it, or the live's end if it ended first ({@code endedAt} null while it is open, and
 * for an abandoned live, whose end is unknown).
 */
public record Incident(String id, String sessionId, Instant startedAt, Instant endedAt) {

    Incident endedAt(Instant end) {
        return new Incident(id, sessionId, startedAt, end);
    }
}
