package dev.livecue.core.connection;

import java.time.Instant;
import java.util.List;

/** Data of the {@code connection.degraded} event, raised once per incident: what went wrong and what to do. */
public record ConnectionDegraded(String sessionId, String incidentId, Instant incidentStartedAt, String checkId,
        Instant measuredAt, Verdict verdict, List<Finding> findings, List<String> steps, Recommendation recommendation) {

    static ConnectionDegraded of(ConnectionCheck check, Incident incident) {
        return new ConnectionDegraded(check.sessionId(), incident.id(), incident.startedAt(), check.id(),
                check.measuredAt(), check.verdict(), check.findings(), check.steps(), check.recommendation());
    }
}
