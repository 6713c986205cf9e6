package dev.livecue.core.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of a delivery after one entry of its log. */
public enum Outcome {
    /** The receiver answered 2xx. */
    DELIVERED("delivered"),
    /** The attempt failed and another is scheduled ({@code nextAttemptAt}). */
    RETRYING("retrying"),
    /** Given up: every attempt failed, the receiver answered 410 Gone, or the subscription is disabled. */
    DEAD_LETTERED("dead_lettered"),
    /** Not sent because it would have been late: the live it announces has started. */
    EXPIRED("expired"),
    /** A test event that failed; test events are not retried. */
    FAILED("failed");

    private final String json;

    Outcome(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static Outcome of(String json) {
        for (Outcome outcome : values()) {
            if (outcome.json.equals(json)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome " + json);
    }
}
