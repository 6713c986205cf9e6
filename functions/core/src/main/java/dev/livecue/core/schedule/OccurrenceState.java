package dev.livecue.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What is recorded about one occurrence beyond its series: cancelled, moved (to {@code start} in
 * {@code timeZone}), or a status set by a session. {@code date} is the local date the series planned it on,
 * which is also what its id is made of, so the record survives edits of the series. {@code kept}: the start was
 * recorded as the occurrence went live or was missed, where the series had it then, not by a move; it stays there
 * when the series is edited later. {@code version} counts the writes to the record (0: none yet), so a change made
 * from what was read fails when another got in between.
 */
public record OccurrenceState(String scheduleId, LocalDate date, OccurrenceStatus status, LocalDateTime start,
        String timeZone, boolean kept, Instant updatedAt, long version) {
}
