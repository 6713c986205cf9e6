package dev.livecue.core.connection;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a connection was judged, best first: the declaration order is the ranking. */
public enum Verdict {
    EXCELLENT, GOOD, FAIR, POOR, OFFLINE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Counts toward opening an incident during a live. */
    public boolean isBad() {
        return this == POOR || this == OFFLINE;
    }

    /** Counts toward closing an open incident. */
    public boolean isRecovered() {
        return this == EXCELLENT || this == GOOD;
    }
}
