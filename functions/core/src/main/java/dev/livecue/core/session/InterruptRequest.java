package dev.livecue.core.session;

/** Body of {@code POST /v1/sessions/{id}/interrupt}: what broke the live ({@code connection} when left out). */
public record InterruptRequest(String reason) {
}
