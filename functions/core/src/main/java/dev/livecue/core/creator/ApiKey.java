package dev.livecue.core.creator;

import java.time.Instant;

/** An API key as listed: never the secret, only a recognizable prefix of it. */
public record ApiKey(String id, String name, String prefix, Instant createdAt) {
}
