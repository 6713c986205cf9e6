package dev.livecue.core.analytics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.session.PlannedLives;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStats;
import dev.livecue.core.session.Window;
import dev.livecue.core.store.ConnectionStore;
import dev.livecue.core.store.SessionStore;
import dev.livecue.core.validation.Violations;

/** A creator's numbers over a window, and the same sessions as CSV for spreadsheets. */
@ApplicationScoped
public class AnalyticsService {

    /** The local start, always with seconds (java.time leaves them out when they are zero). */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    static final List<String> CSV_HEADER = List.of("id", "status", "title", "occurrenceId", "scheduledStart", "startedAt",
            "localStart", "timeZone", "endedAt", "durationMinutes", "delayMinutes", "endReason", "peakViewers",
            "uniqueViewers", "newFollowers", "comments", "likes", "shares", "gifts", "connectionIncident",
            "replayAvailableUntil");

    /** At most a year of whole weeks, like any window. */
    public static final int MAX_WEEKS = 52;

    private final SessionStore sessions;
    private final PlannedLives planned;
    private final ConnectionStore connections;
    private final CreatorService creators;
    private final Clock clock;

    AnalyticsService(SessionStore sessions, PlannedLives planned, ConnectionStore connections, CreatorService creators,
            Clock clock) {
        this.sessions = sessions;
        this.planned = planned;
        this.connections = connections;
        this.creators = creators;
        this.clock = clock;
    }

    /**
     * The numbers over {@code [from, to)}, or, with {@code weeks}, over the last that many Monday-to-Sunday weeks
     * in the creator's time zone up to now (this week so far included): what a chart of whole weeks asks for.
     */
    public Analytics analytics(String creatorId, String from, String to, String weeks) {
        ZoneId zone = ZoneId.of(creators.get(creatorId).timeZone());
        Window window = window(from, to, weeks, zone);
        // the occurrence list includes its upper bound, the window does not
        List<String> statuses = planned.between(creatorId, window.from(), window.to().minusMillis(1)).stream()
                .map(o -> o.status().json()).toList();
        return AnalyticsCalculator.compute(window.from(), window.to(), zone,
                sessions.all(creatorId, window.from(), window.to()), statuses, connections.sessionsWithIncidents(creatorId));
    }

    /** One row per session that started in the window, by start; times in UTC plus the local start in the creator's zone. */
    public String csv(String creatorId, String from, String to, String weeks) {
        ZoneId zone = ZoneId.of(creators.get(creatorId).timeZone());
        Window window = window(from, to, weeks, zone);
        Set<String> withIncidents = connections.sessionsWithIncidents(creatorId);
        List<List<Object>> rows = new ArrayList<>();
        for (Session s : sessions.all(creatorId, window.from(), window.to())) {
            List<Object> row = new ArrayList<>(List.of(s.id(), s.status().json()));
            row.add(s.title());
            row.add(s.occurrenceId());
            row.add(text(s.scheduledStart()));
            row.add(text(s.startedAt()));
            row.add(LOCAL_TIME.format(s.startedAt().atZone(zone)));
            row.add(zone.getId());
            row.add(text(s.endedAt()));
            row.add(s.durationMinutes());
            row.add(s.delayMinutes());
            row.add(s.endReason());
            for (SessionStats.Stat stat : SessionStats.Stat.values()) {
                row.add(s.stats() == null ? null : s.stats().get(stat));
            }
            row.add(withIncidents.contains(s.id()));
            row.add(text(s.replayAvailableUntil()));
            rows.add(row);
        }
        return SpreadsheetCsv.write(CSV_HEADER, rows);
    }

    private Window window(String from, String to, String weeks, ZoneId zone) {
        Instant now = clock.instant();
        if (isEmpty(weeks)) {
            return Window.parse(from, to, now);
        }
        Violations v = new Violations();
        v.check(isEmpty(from) && isEmpty(to), "weeks", "cannot be combined with from or to");
        Integer count = weeks.matches("\\d{1,2}") ? Integer.valueOf(weeks) : null;
        v.check(count != null && count >= 1 && count <= MAX_WEEKS, "weeks", "must be a whole number from 1 to " + MAX_WEEKS);
        v.throwIfAny();
        LocalDate firstMonday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(count - 1L);
        return new Window(firstMonday.atStartOfDay(zone).toInstant(), now);
    }

    private static boolean isEmpty(String parameter) {
        return parameter == null || parameter.isEmpty();
    }

    /** Every time to the second, in one shape per column, so a spreadsheet reads the whole column alike. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
