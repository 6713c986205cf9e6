package dev.livecue.core.connection;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One check in a session's connection report: its numbers and verdict, without the findings and steps. */
public record TimelinePoint(String id, Instant measuredAt, @JsonUnwrapped Measurements measurements, Verdict verdict,
        int score, Recommendation recommendation) {
}
