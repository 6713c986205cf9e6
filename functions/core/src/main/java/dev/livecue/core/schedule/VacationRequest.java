package dev.livecue.core.schedule;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /v1/vacation}: the first and last day off, ISO dates such as {@code 2026-12-20}. */
@Schema(additionalProperties = Schema.False.class)
public record VacationRequest(
        @Schema(required = true, format = "date", example = "2026-12-20") String from,
        @Schema(required = true, format = "date", example = "2027-01-03") String to) {
}
