package dev.livecue.core.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /v1/sessions/{id}/close/confirm}. {@code stats} stays a JSON tree until
 * {@link SessionStats#read} checks it, so that every bad count is reported under its own name.
 */
public record CloseConfirmation(String confirmationToken, JsonNode stats) {
}
