package dev.livecue.core.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/webhooks}. */
@Schema(additionalProperties = Schema.False.class)
public record NewSubscription(
        @Schema(required = true, format = "uri", description = "https URL of the receiver") String url,
        @Schema(required = true, minItems = 1, description = "event types to receive") List<String> events,
        @Schema(minLength = 1, maxLength = SubscriptionService.MAX_DESCRIPTION) String description) {
}
