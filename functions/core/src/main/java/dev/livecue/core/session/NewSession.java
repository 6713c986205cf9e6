package dev.livecue.core.session;

/** Body of {@code POST /v1/sessions}; both fields are optional, and so is the body. */
public record NewSession(String occurrenceId, String startedAt) {
}
