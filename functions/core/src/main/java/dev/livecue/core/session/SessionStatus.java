package dev.livecue.core.session;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a live stands (API {@code status}). */
public enum SessionStatus {
    LIVE("live"),
    INTERRUPTED("interrupted"),
    CLOSED("closed"),
    ABANDONED("abandoned");

    private final String json;

    SessionStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static SessionStatus fromJson(String value) {
        for (SessionStatus status : values()) {
            if (status.json.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown session status " + value);
    }
}
