package dev.livecue.core.schedule;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where one occurrence stands. Schedules set {@code scheduled}, {@code cancelled} and {@code moved}; the
 * sessions side records {@code live}, {@code held} and {@code missed} on the same per-occurrence item.
 */
public enum OccurrenceStatus {
    SCHEDULED, CANCELLED, MOVED, LIVE, HELD, MISSED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OccurrenceStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Still ahead and going to happen: reminders are planned only for these. */
    public boolean upcoming() {
        return this == SCHEDULED || this == MOVED;
    }
}
