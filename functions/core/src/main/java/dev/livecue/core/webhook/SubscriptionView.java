package dev.livecue.core.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook subscription as the API shows it; the secret is never shown again after creation or rotation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String url, List<String> events, String description,
        SubscriptionStatus status, String disabledReason, Instant createdAt, Instant updatedAt) {
}
