package dev.livecue.core.webhook;

import java.time.Instant;

/**
 * Answer to {@code POST /v1/webhooks/{id}/rotate-secret}: the new secret, shown this once. Until
 * {@code previousSecretExpiresAt} deliveries are signed with both the new and the previous secret.
 */
public record RotatedSecret(String id, String secret, Instant previousSecretExpiresAt) {
}
