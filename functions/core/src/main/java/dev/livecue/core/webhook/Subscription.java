package dev.livecue.core.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.livecue.core.events.Event;

/**
 * A webhook subscription as stored, with its signing secrets. {@code previousSecret} keeps signing until
 * {@code previousSecretUntil} after a rotation; {@code failingSince} is when the current run of failed attempts
 * began (null while deliveries succeed).
 */
public record Subscription(String id, String creatorId, String url, List<String> events, String description,
        SubscriptionStatus status, String disabledReason, String secret, String previousSecret,
        Instant previousSecretUntil, Instant failingSince, Instant createdAt, Instant updatedAt) {

    public Subscription {
        events = List.copyOf(events);
    }

    /** Whether {@code event} goes to this subscription: active, subscribed to its type, and made before it happened. */
    public boolean wants(Event event) {
        return status == SubscriptionStatus.ACTIVE && events.contains(event.type()) && !createdAt.isAfter(event.occurredAt());
    }

    /** The secrets to sign with at {@code now}: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** What the API shows: everything but the secrets. */
    public SubscriptionView view() {
        return new SubscriptionView(id, url, events, description, status, disabledReason, createdAt, updatedAt);
    }
}
