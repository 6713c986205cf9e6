package dev.livecue.core.schedule;

/** Body of {@code PATCH /v1/schedules/{id}/occurrences/{occurrenceId}}: the new local start, and its zone (default: the schedule's). */
public record OccurrenceMove(String start, String timeZone) {
}
