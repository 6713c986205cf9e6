package dev.livecue.core.schedule;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.livecue.core.validation.Fields;

/** Body of {@code PATCH /v1/schedules/{id}/occurrences/{occurrenceId}}: the new local start, and its zone (default: the schedule's). */
@Schema(additionalProperties = Schema.False.class)
public record OccurrenceMove(
        @Schema(required = true, description = "new local start, in the future", example = "2027-06-05T18:00",
                pattern = Fields.LOCAL_DATE_TIME_PATTERN) String start,
        @Schema(description = "IANA time zone (default: the schedule's)") String timeZone) {
}
