package dev.livecue.core.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Occurrence ids: {@code <scheduleId>.<local date the series planned it on>}, such as
 * {@code sch_Ab3.2026-12-04}. A series has at most one live per local date, so the id is unique, and it stays the
 * same when the title, the time of day or the duration change, or when the occurrence is moved; the calendar
 * feed's UIDs are made from it, so subscribed calendars update events instead of duplicating them.
 */
public final class OccurrenceIds {

    private OccurrenceIds() {
    }

    public static String of(String scheduleId, LocalDate date) {
        return scheduleId + "." + date;
    }

    /** The schedule id and date of an occurrence id, if it is one. */
    public static Optional<Ref> parse(String occurrenceId) {
        int dot = occurrenceId == null ? -1 : occurrenceId.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Ref(occurrenceId.substring(0, dot), LocalDate.parse(occurrenceId.substring(dot + 1))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public record Ref(String scheduleId, LocalDate date) {
    }
}
