package dev.livecue.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What is recorded about one occurrence beyond its series: cancelled, moved (to {@code start} in
 * {@code timeZone}), or a status set by a session. {@code date} is the local date the series planned it on,
 * which is also what its id is made of, so the record survives edits of the series. {@code kept}: the start was
 * recorded as the occurrence went live or was missed, where the series had it then, not by a move; it stays there
 * when the series is edited later. {@code title} and {@code durationMinutes}: what the live was planned as when a
 * session or the missed-live sweep recorded it (null before then, and in records older than this), so that a
 * later rename or a new length of the series leaves its history as it was. {@code version} counts the writes to
 * the record (0: none yet), so a change made from what was read fails when another got in between.
 */
public record OccurrenceState(String scheduleId, LocalDate date, OccurrenceStatus status, LocalDateTime start,
        String timeZone, boolean kept, String title, Integer durationMinutes, Instant updatedAt, long version) {

    /** A creator's cancel or move: nothing of the live is recorded yet. */
    public static OccurrenceState planned(String scheduleId, LocalDate date, OccurrenceStatus status,
            LocalDateTime start, String timeZone, Instant updatedAt, long version) {
        return new OccurrenceState(scheduleId, date, status, start, timeZone, false, null, null, updatedAt, version);
    }
}
