package dev.livecue.core.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A creator's numbers over a window of time. Averages and rates are null when there is nothing to average, rather
 * than a zero that would read like a result. The README's "Sessions and analytics" section defines every figure.
 */
public record Analytics(Instant from, Instant to, String timeZone, int sessions, double hoursLive,
        Double avgDurationMinutes, Double avgPeakViewers, long newFollowers, Double followersPerHour,
        Punctuality punctuality, Consistency consistency, List<Slot> bestSlots, List<Slot> slots, List<Week> weekly,
        Connection connection) {

    /** How close to the planned start the scheduled lives began; on time is at most {@code onTimeToleranceMinutes} late. */
    public record Punctuality(int scheduledSessions, int onTimeToleranceMinutes, Double onTimeRate,
            Double medianDelayMinutes) {
    }

    /** How the planned lives of the window went; adherence is held / (held + missed). */
    public record Consistency(int planned, int held, int cancelled, int missed, Double adherenceRate) {
    }

    /** A weekday and local hour in the creator's time zone, with the average peak of the lives that started in it. */
    public record Slot(String weekday, int hour, int sessions, double avgPeakViewers) {
    }

    /**
     * One Monday-to-Sunday week in the creator's time zone, with the punctuality and connection figures of its own
     * sessions, so a chart can draw any of them week by week.
     */
    public record Week(LocalDate weekStart, int sessions, double hoursLive, long newFollowers, Double avgPeakViewers,
            Punctuality punctuality, int sessionsWithIncidents) {
    }

    public record Connection(int sessionsWithIncidents) {
    }
}
