package dev.livecue.core.connection;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A warning costs quality; a critical finding makes a live unreliable. */
public enum Severity {
    WARNING, CRITICAL;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
