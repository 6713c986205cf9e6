package dev.livecue.core.schedule;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One live of a schedule as the API shows it. {@code start} is UTC; {@code localStart} is the wall-clock time in
 * {@code timeZone}. {@code originalStart} is set when the occurrence was moved; {@code cancelledBy} says whether
 * the creator cancelled it or a vacation covers it. {@code revisedAt} is when its series or its own state (a
 * move, a cancel, a session) last changed, for the calendar feed's revisions; the API does not show it, since a
 * vacation set or ended, which changes the status too, is not in it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Occurrence(String occurrenceId, String scheduleId, String title, Instant start, Instant end,
        String localStart, String timeZone, int durationMinutes, OccurrenceStatus status, Instant originalStart,
        String cancelledBy, @JsonIgnore Instant revisedAt, @JsonIgnore long stateVersion) {

    /**
     * How early a live may start for an occurrence: going live in the morning for an evening slot is plausible,
     * tapping next week's live by mistake is not, and would take it from the plan as held.
     */
    public static final Duration MAX_EARLY_LIVE = Duration.ofHours(24);

    public static final String BY_CREATOR = "creator";
    public static final String BY_VACATION = "vacation";
}
