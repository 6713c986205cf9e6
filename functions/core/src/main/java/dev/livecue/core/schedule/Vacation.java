package dev.livecue.core.schedule;

import java.time.LocalDate;

/**
 * A creator's time off, both dates included. An occurrence is inside when its own local date (in its own time
 * zone) is, so a trip across time zones needs no arithmetic from the creator.
 */
public record Vacation(LocalDate from, LocalDate to) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
