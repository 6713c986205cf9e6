package dev.livecue.core.session;

import java.time.Instant;

/**
 * The creator's next scheduled live, as the goodbye names it: UTC start, and wall-clock start (ISO local date-time,
 * such as {@code 2026-12-04T19:00}) in its own zone.
 */
public record NextLive(String occurrenceId, String scheduleId, Instant start, String localStart,
        String timeZone, String title) {
}
