package dev.livecue.core.connection;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A judged check, as answered and as stored. {@code incidentId} names the live's open incident, if there is one
 * (then the recommendation is {@code end_and_reschedule}).
 */
public record ConnectionCheck(String id, String sessionId, Instant measuredAt, @JsonUnwrapped Measurements measurements,
        Verdict verdict, int score, List<Finding> findings, List<String> steps, Recommendation recommendation,
        String incidentId) {
}
