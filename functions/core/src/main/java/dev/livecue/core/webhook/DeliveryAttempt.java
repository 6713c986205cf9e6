package dev.livecue.core.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One entry of a subscription's delivery log: an attempt to send a message, or the decision not to send it
 * (expired, subscription disabled), with what came of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryAttempt(
        String id,
        @Schema(description = "The webhook-id header: the same on every attempt of one message") String messageId,
        String eventId,
        String eventType,
        @Schema(description = "Attempts made for this message so far, this one included") int attempt,
        Instant attemptedAt,
        @Schema(description = "The receiver's HTTP status, when it answered") Integer statusCode,
        @Schema(description = "Why the attempt failed, when it did") String error,
        long durationMs,
        Outcome outcome,
        @Schema(description = "When the next attempt is due, while retrying") Instant nextAttemptAt) {
}
