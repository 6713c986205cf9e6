package dev.livecue.core.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /v1/sessions/{id}/close/confirm}. {@code stats} stays a JSON tree until
 * {@link SessionStats#read} checks it, so that every bad count is reported under its own name.
 */
@Schema(additionalProperties = Schema.False.class)
public record CloseConfirmation(
        @Schema(required = true, description = "the token the close answered, within its five minutes") String confirmationToken,
        @Schema(description = "the live's counts: whole numbers from 0, each optional") JsonNode stats) {
}
