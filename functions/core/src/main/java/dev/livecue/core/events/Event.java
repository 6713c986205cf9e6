package dev.livecue.core.events;

import java.time.Instant;

/**
 * Something that happened to a creator and goes out to their webhook subscriptions. {@code data} is the JSON of
 * the payload's {@code data} member; {@code id} becomes the delivery's {@code webhook-id} base, so retries of one
 * event carry the same id.
 */
public record Event(String id, String creatorId, String type, Instant occurredAt, String data) {
}
