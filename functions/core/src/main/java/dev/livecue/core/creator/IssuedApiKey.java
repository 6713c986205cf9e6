package dev.livecue.core.creator;

import java.time.Instant;

/** A new API key with its secret, returned once. */
public record IssuedApiKey(String id, String name, String prefix, Instant createdAt, String apiKey) {
}
