package dev.livecue.core.webhook;

import java.time.Instant;

/**
 * One event on its way to one subscription (a "message" in Standard Webhooks terms). {@code messageId} is the
 * {@code webhook-id} of every attempt and {@code body} the exact bytes signed and sent, both fixed when the event is
 * fanned out. {@code notAfter}, when set, is the moment after which sending would be too late (a reminder for a
 * live that has started).
 */
public record Delivery(String creatorId, String eventId, String subscriptionId, String messageId, String eventType,
        String body, int attempts, Instant nextAttemptAt, Instant notAfter) {
}
