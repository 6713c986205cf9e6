package dev.livecue.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What is recorded about one occurrence beyond its series: cancelled, moved (to {@code start} in
 * {@code timeZone}), or a status set by a session. {@code date} is the local date the series planned it on,
 * which is also what its id is made of, so the record survives edits of the series. {@code version} counts the
 * writes to the record (0: none yet), so a change made from what was read fails when another got in between.
 */
public record OccurrenceState(String scheduleId, LocalDate date, OccurrenceStatus status, LocalDateTime start,
        String timeZone, Instant updatedAt, long version) {
}
