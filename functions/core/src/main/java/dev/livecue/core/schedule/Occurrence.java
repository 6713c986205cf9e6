package dev.livecue.core.schedule;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One live of a schedule as the API shows it. {@code start} is UTC; {@code localStart} is the wall-clock time in
 * {@code timeZone}. {@code originalStart} is set when the occurrence was moved; {@code cancelledBy} says whether
 * the creator cancelled it or a vacation covers it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Occurrence(String occurrenceId, String scheduleId, String title, Instant start, Instant end,
        String localStart, String timeZone, int durationMinutes, OccurrenceStatus status, Instant originalStart,
        String cancelledBy) {

    public static final String BY_CREATOR = "creator";
    public static final String BY_VACATION = "vacation";
}
