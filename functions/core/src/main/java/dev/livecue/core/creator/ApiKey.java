package dev.livecue.core.creator;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An API key as listed: never the secret, only a recognizable prefix of it. {@code current}: the key the listing
 * request was made with (an app shows it as its own, and does not offer to revoke the key it signed in with).
 */
public record ApiKey(String id, String name, String prefix, Instant createdAt,
        @Schema(description = "true for the key this request was made with") boolean current) {

    public ApiKey asCurrent() {
        return new ApiKey(id, name, prefix, createdAt, true);
    }
}
