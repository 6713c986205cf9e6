package dev.livecue.core.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.livecue.core.analytics.Analytics.Connection;
import dev.livecue.core.analytics.Analytics.Consistency;
import dev.livecue.core.analytics.Analytics.Punctuality;
import dev.livecue.core.analytics.Analytics.Slot;
import dev.livecue.core.analytics.Analytics.Week;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStats;

/**
 * Computes {@link Analytics} from the sessions that started in a window and the statuses of the lives planned in it.
 * Pure: no store, no clock, so every figure is easy to check by hand.
 */
public final class AnalyticsCalculator {

    /** A scheduled live that starts at most this many minutes late is on time (starting early is on time too). */
    public static final int ON_TIME_TOLERANCE_MINUTES = 5;
    /**
     * Followers per hour needs at least this much live time behind it: over a few minutes (a live started by
     * mistake and ended at once) a handful of followers reads as thousands an hour.
     */
    public static final double FOLLOWER_RATE_MIN_HOURS = 0.25;
    /** How many of the best weekday-and-hour slots are reported. */
    public static final int BEST_SLOTS = 5;
    /** Slot weekdays are lower-case day names; Monday first, as the weeks are. */
    private static final Comparator<String> BY_WEEKDAY = Comparator.comparing(day -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));

    private AnalyticsCalculator() {
    }

    /**
     * @param sessions              the sessions that started in the window
     * @param occurrenceStatuses    the status of every planned live whose slot starts in the window
     *                              ({@code scheduled}, {@code moved}, {@code cancelled}, {@code live}, {@code held},
     *                              {@code missed})
     * @param sessionsWithIncidents ids of the sessions that had a connection incident
     */
    public static Analytics compute(Instant from, Instant to, ZoneId zone, List<Session> sessions,
            List<String> occurrenceStatuses, Set<String> sessionsWithIncidents) {
        Totals totals = Totals.of(sessions);
        List<Slot> slots = slots(sessions, zone);
        return new Analytics(from, to, zone.getId(), sessions.size(), round(totals.hours, 2),
                totals.ended == 0 ? null : round(totals.hours * 60 / totals.ended, 1),
                totals.avgPeakViewers(), totals.newFollowers,
                totals.followerHours < FOLLOWER_RATE_MIN_HOURS ? null : round(totals.newFollowers / totals.followerHours, 2),
                punctuality(sessions), consistency(occurrenceStatuses), bestSlots(slots),
                slots.stream().sorted(Comparator.comparing(Slot::weekday, BY_WEEKDAY).thenComparingInt(Slot::hour)).toList(),
                weekly(from, to, zone, sessions, sessionsWithIncidents),
                new Connection(withIncidents(sessions, sessionsWithIncidents)));
    }

    /**
     * Sums over a group of sessions: hours of those with a known end (closed and interrupted; a live one has not
     * ended, an abandoned one's end is unknown), and each count over the closed lives that reported it: the peak
     * averaged over those that gave one, new followers per hour over the hours of those that gave theirs.
     */
    private record Totals(int ended, double hours, int withPeak, long peakViewers, long newFollowers, double followerHours) {

        static Totals of(List<Session> sessions) {
            List<Session> ended = sessions.stream().filter(s -> s.endedAt() != null).toList();
            List<Session> withPeak = reported(ended, SessionStats::peakViewers);
            List<Session> withFollowers = reported(ended, SessionStats::newFollowers);
            return new Totals(ended.size(), ended.stream().mapToDouble(Totals::hours).sum(), withPeak.size(),
                    withPeak.stream().mapToLong(s -> s.stats().peakViewers()).sum(),
                    withFollowers.stream().mapToLong(s -> s.stats().newFollowers()).sum(),
                    withFollowers.stream().mapToDouble(Totals::hours).sum());
        }

        private static double hours(Session s) {
            // sessions stored before ends were kept from preceding starts may still have one
            return Math.max(0, Duration.between(s.startedAt(), s.endedAt()).toSeconds()) / 3600.0;
        }

        Double avgPeakViewers() {
            return withPeak == 0 ? null : round((double) peakViewers / withPeak, 1);
        }
    }

    /** The sessions whose stats hold {@code count}. */
    private static List<Session> reported(List<Session> sessions, Function<SessionStats, Long> count) {
        return sessions.stream().filter(s -> s.stats() != null && count.apply(s.stats()) != null).toList();
    }

    private static Punctuality punctuality(List<Session> sessions) {
        List<Integer> delays = sessions.stream().map(Session::delayMinutes).filter(d -> d != null).sorted().toList();
        if (delays.isEmpty()) {
            return new Punctuality(0, ON_TIME_TOLERANCE_MINUTES, null, null);
        }
        long onTime = delays.stream().filter(d -> d <= ON_TIME_TOLERANCE_MINUTES).count();
        int n = delays.size();
        double median = n % 2 == 1 ? delays.get(n / 2) : (delays.get(n / 2 - 1) + delays.get(n / 2)) / 2.0;
        return new Punctuality(n, ON_TIME_TOLERANCE_MINUTES, round((double) onTime / n, 3), median);
    }

    private static Consistency consistency(List<String> statuses) {
        int held = count(statuses, s -> s.equals("held") || s.equals("live"));
        int missed = count(statuses, "missed"::equals);
        return new Consistency(statuses.size(), held, count(statuses, "cancelled"::equals), missed,
                held + missed == 0 ? null : round((double) held / (held + missed), 3));
    }

    /** A weekday and local hour, the key lives are grouped by for {@link Slot}s. */
    private record SlotKey(DayOfWeek weekday, int hour) {

        static SlotKey of(Instant startedAt, ZoneId zone) {
            ZonedDateTime local = startedAt.atZone(zone);
            return new SlotKey(local.getDayOfWeek(), local.getHour());
        }
    }

    /** Every weekday and local hour in which a closed live that reported its peak started, with their average peak. */
    private static List<Slot> slots(List<Session> sessions, ZoneId zone) {
        Map<SlotKey, List<Session>> bySlot = reported(sessions.stream().filter(s -> s.endedAt() != null).toList(),
                SessionStats::peakViewers).stream()
                .collect(Collectors.groupingBy(s -> SlotKey.of(s.startedAt(), zone)));
        return bySlot.entrySet().stream()
                .map(e -> new Slot(e.getKey().weekday().name().toLowerCase(Locale.ROOT), e.getKey().hour(),
                        e.getValue().size(), Totals.of(e.getValue()).avgPeakViewers()))
                .toList();
    }

    /** The best slots by average peak; ties: more sessions, then earlier in the week and in the day. */
    private static List<Slot> bestSlots(List<Slot> slots) {
        return slots.stream()
                .sorted(Comparator.comparingDouble(Slot::avgPeakViewers).reversed()
                        .thenComparing(Comparator.comparingInt(Slot::sessions).reversed())
                        .thenComparing(Slot::weekday, BY_WEEKDAY)
                        .thenComparingInt(Slot::hour))
                .limit(BEST_SLOTS)
                .toList();
    }

    private static List<Week> weekly(Instant from, Instant to, ZoneId zone, List<Session> sessions,
            Set<String> sessionsWithIncidents) {
        Map<LocalDate, List<Session>> byWeek = new TreeMap<>(sessions.stream()
                .collect(Collectors.groupingBy(s -> weekStart(s.startedAt(), zone))));
        List<Week> weeks = new ArrayList<>();
        LocalDate last = weekStart(to.minusNanos(1), zone);
        for (LocalDate week = weekStart(from, zone); !week.isAfter(last); week = week.plusWeeks(1)) {
            List<Session> in = byWeek.getOrDefault(week, List.of());
            Totals t = Totals.of(in);
            weeks.add(new Week(week, in.size(), round(t.hours, 2), t.newFollowers, t.avgPeakViewers(), punctuality(in),
                    withIncidents(in, sessionsWithIncidents)));
        }
        return weeks;
    }

    private static int withIncidents(List<Session> sessions, Set<String> sessionsWithIncidents) {
        return (int) sessions.stream().filter(s -> sessionsWithIncidents.contains(s.id())).count();
    }

    private static LocalDate weekStart(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static int count(List<String> values, Predicate<String> test) {
        return (int) values.stream().filter(test).count();
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
