package dev.livecue.core.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/sessions}; both fields are optional, and so is the body. */
@Schema(additionalProperties = Schema.False.class)
public record NewSession(
        @Schema(minLength = 1, maxLength = SessionService.MAX_OCCURRENCE_ID, description = "the planned live it is") String occurrenceId,
        @Schema(format = "date-time", description = "RFC 3339 instant within the last 12 hours (default: now)") String startedAt) {
}
