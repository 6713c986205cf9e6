package dev.livecue.core.webhook;

import java.util.List;

/** Body of {@code POST /v1/webhooks}. */
public record NewSubscription(String url, List<String> events, String description) {
}
