package dev.livecue.core.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a subscription receives events; {@code disabled} by a 410 Gone, five days of failures, or never. */
public enum SubscriptionStatus {
    ACTIVE("active"),
    DISABLED("disabled");

    private final String json;

    SubscriptionStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static SubscriptionStatus of(String json) {
        for (SubscriptionStatus status : values()) {
            if (status.json.equals(json)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown subscription status " + json);
    }
}
