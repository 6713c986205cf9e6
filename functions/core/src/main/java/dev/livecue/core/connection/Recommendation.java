package dev.livecue.core.connection;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the creator should do about the connection. */
public enum Recommendation {
    GO_LIVE, GO_LIVE_LOWER_QUALITY, WAIT_AND_RETRY, END_AND_RESCHEDULE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Recommendation fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
