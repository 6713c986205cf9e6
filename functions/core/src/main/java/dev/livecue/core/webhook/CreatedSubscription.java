package dev.livecue.core.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Answer to {@code POST /v1/webhooks}: the subscription and its signing secret, shown this once. */
public record CreatedSubscription(@JsonUnwrapped SubscriptionView subscription, String secret) {
}
