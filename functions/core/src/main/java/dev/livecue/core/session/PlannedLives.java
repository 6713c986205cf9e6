package dev.livecue.core.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What sessions need to know of the creator's planned lives (the schedules' occurrences): the one a session is for,
 * the ones around it, and setting an occurrence's status as its live goes on air, ends or never happens.
 */
public interface PlannedLives {

    /** One planned live with its current status ({@code scheduled}, {@code moved}, {@code cancelled}, ...). */
    record Planned(String occurrenceId, String scheduleId, Instant start, LocalDateTime localStart, String timeZone,
            int durationMinutes, String title, String status) {

        public boolean upcoming() {
            return "scheduled".equals(status) || "moved".equals(status);
        }

        public NextLive asNextLive() {
            return new NextLive(occurrenceId, scheduleId, start, localStart, timeZone, title);
        }
    }

    Optional<Planned> find(String creatorId, String occurrenceId);

    /** Every planned live whose start is in [from, to), whatever its status, earliest first. */
    List<Planned> between(String creatorId, Instant from, Instant to);

    /** Sets one occurrence's status ({@code live}, {@code held} or {@code missed}). */
    void setStatus(String creatorId, String occurrenceId, String status);
}
