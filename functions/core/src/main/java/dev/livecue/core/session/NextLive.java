package dev.livecue.core.session;

import java.time.Instant;
import java.time.LocalDateTime;

/** The creator's next scheduled live, as the goodbye names it: UTC start, and wall-clock start in its own zone. */
public record NextLive(String occurrenceId, String scheduleId, Instant start, LocalDateTime localStart,
        String timeZone, String title) {
}
