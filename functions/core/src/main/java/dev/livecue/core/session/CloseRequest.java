package dev.livecue.core.session;

/** Body of {@code POST /v1/sessions/{id}/close}: why the live ends ({@code planned} when left out). */
public record CloseRequest(String reason) {
}
