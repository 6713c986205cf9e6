package dev.livecue.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStats;
import dev.livecue.core.session.SessionStatus;

class AnalyticsCalculatorTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private static Session closed(String start, int minutes, Integer delay, long peak, long followers) {
        return closed(start, minutes, delay, new SessionStats(peak, peak, followers, 0L, 0L, 0L, 0L));
    }

    private static Session closed(String start, int minutes, Integer delay, SessionStats stats) {
        Instant started = Instant.parse(start);
        return Session.started("ses_" + start, null, "t", null, started, delay).ended(SessionStatus.CLOSED, "planned",
                started.plusSeconds(minutes * 60L), null, null, stats, null);
    }

    @Test
    void compute_shouldLeaveCountsALiveDidNotReportOutOfItsAverages() {
        // GIVEN two one-hour lives: one reported a peak of 100 and 4 followers, the other only its likes
        List<Session> sessions = List.of(
                closed("2026-11-03T03:00:00Z", 60, 0, new SessionStats(100L, null, 4L, null, null, null, null)),
                closed("2026-11-04T03:00:00Z", 60, 0, new SessionStats(null, null, null, null, 50L, null, null)));

        Analytics a = AnalyticsCalculator.compute(Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2026-11-09T08:00:00Z"),
                LA, sessions, List.of(), Set.of());

        // THEN the peak and the followers per hour are those of the live that reported them, not halved by a zero
        assertEquals(100.0, a.avgPeakViewers());
        assertEquals(4.0, a.followersPerHour());
        assertEquals(4, a.newFollowers());
        assertEquals(2.0, a.hoursLive());
        assertEquals(1, a.bestSlots().size());
    }

    @Test
    void compute_shouldGiveNoFollowerRate_untilAQuarterHourOfLiveTimeIsBehindIt() {
        Instant from = Instant.parse("2026-11-02T08:00:00Z");
        Instant to = Instant.parse("2026-11-09T08:00:00Z");
        // a live ended after 14 minutes with 9 new followers would read as ~39 an hour
        List<Session> short1 = List.of(closed("2026-11-03T03:00:00Z", 14, 0, 10, 9));
        assertNull(AnalyticsCalculator.compute(from, to, LA, short1, List.of(), Set.of()).followersPerHour());
        assertEquals(9, AnalyticsCalculator.compute(from, to, LA, short1, List.of(), Set.of()).newFollowers());

        // with a second short one, the 15 minutes are reached: 10 followers over a quarter of an hour
        List<Session> both = List.of(short1.get(0), closed("2026-11-04T03:00:00Z", 1, 0, 10, 1));
        assertEquals(40.0, AnalyticsCalculator.compute(from, to, LA, both, List.of(), Set.of()).followersPerHour());
    }

    @Test
    void compute_shouldAnswerNullAverages_whenNothingHappened() {
        Analytics a = AnalyticsCalculator.compute(Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2026-11-09T08:00:00Z"),
                LA, List.of(), List.of(), Set.of());

        assertEquals(0, a.sessions());
        assertEquals(0.0, a.hoursLive());
        assertNull(a.avgDurationMinutes());
        assertNull(a.avgPeakViewers());
        assertNull(a.followersPerHour());
        assertNull(a.punctuality().onTimeRate());
        assertNull(a.consistency().adherenceRate());
        assertEquals(List.of(), a.bestSlots());
        assertEquals(1, a.weekly().size());
    }

    @Test
    void compute_shouldTakeMedianOfEvenCount_andCountEarlyAsOnTime() {
        List<Session> sessions = List.of(
                closed("2026-11-03T03:00:00Z", 60, -2, 10, 1),
                closed("2026-11-04T03:00:00Z", 60, 5, 10, 1),
                closed("2026-11-05T03:00:00Z", 60, 6, 10, 1),
                closed("2026-11-06T03:00:00Z", 60, 30, 10, 1),
                closed("2026-11-07T03:00:00Z", 60, null, 10, 1));

        Analytics a = AnalyticsCalculator.compute(Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2026-11-09T08:00:00Z"),
                LA, sessions, List.of("held", "held", "held", "held", "missed", "cancelled", "scheduled"), Set.of());

        assertEquals(4, a.punctuality().scheduledSessions());
        assertEquals(0.5, a.punctuality().onTimeRate());
        assertEquals(5.5, a.punctuality().medianDelayMinutes());
        assertEquals(7, a.consistency().planned());
        assertEquals(0.8, a.consistency().adherenceRate());
        assertEquals(1.0, a.followersPerHour()); // 5 followers over 5 hours
    }

    @Test
    void compute_shouldGroupWeeksAndSlotsInTheCreatorsZone() {
        // Monday 2026-11-09 03:30 UTC is Sunday 2026-11-08 19:30 in Los Angeles: the week of Monday 2026-11-02
        List<Session> sessions = List.of(
                closed("2026-11-09T03:30:00Z", 90, 0, 100, 3),
                closed("2026-11-10T03:10:00Z", 30, 0, 40, 0),
                closed("2026-11-16T03:00:00Z", 60, 0, 300, 6));

        Analytics a = AnalyticsCalculator.compute(Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2026-11-23T08:00:00Z"),
                LA, sessions, List.of(), Set.of());

        assertEquals(List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16")),
                a.weekly().stream().map(Analytics.Week::weekStart).toList());
        // 2026-11-10T03:10Z (Monday evening) and 2026-11-16T03:00Z (Sunday evening) are both in the week of 2026-11-09
        assertEquals(List.of(1, 2, 0), a.weekly().stream().map(Analytics.Week::sessions).toList());
        assertEquals(new Analytics.Slot("sunday", 19, 2, 200.0), a.bestSlots().get(0));
        assertEquals(new Analytics.Slot("monday", 19, 1, 40.0), a.bestSlots().get(1));
    }
}
