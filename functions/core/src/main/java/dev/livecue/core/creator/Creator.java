package dev.livecue.core.creator;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A creator's profile and defaults. {@code followCta} null means the built-in call to follow. */
public record Creator(String id, String handle, String displayName, String timeZone, String locale, String followCta,
        List<String> defaultReminders, int replayDays, Instant createdAt, Instant updatedAt,
        @JsonIgnore long version) {

    public static final List<String> DEFAULT_REMINDERS = List.of("PT1H");
    public static final int DEFAULT_REPLAY_DAYS = 90;
}
