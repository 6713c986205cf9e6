package dev.livecue.core.session;

import java.time.Instant;

/** Answer of {@code POST /v1/sessions/{id}/close}: the token that confirms the end, until when, and the goodbye. */
public record PreparedClose(String confirmationToken, Instant expiresAt, Goodbye goodbye) {
}
