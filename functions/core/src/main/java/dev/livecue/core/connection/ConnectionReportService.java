package dev.livecue.core.connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionService;
import dev.livecue.core.store.ConnectionStore;

/**
 * The per-session connection report. The statistics always cover every check of the live (read in one query of
 * the live's own index partition, so the cost grows with that live's checks only); the timeline is paged with the
 * usual {@code limit} and {@code cursor}.
 */
@ApplicationScoped
public class ConnectionReportService {

    private final ConnectionStore store;
    private final SessionService sessions;

    ConnectionReportService(ConnectionStore store, SessionService sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    public ConnectionReport report(String creatorId, String sessionId, PageRequest page) {
        Session session = sessions.get(creatorId, sessionId);
        List<TimelinePoint> points = store.timeline(creatorId, sessionId);
        List<Incident> incidents = store.incidents(creatorId, sessionId).stream().map(i -> endedWith(i, session)).toList();

        Map<String, MetricStats> stats = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            stats.put(metric.field(), MetricStats.of(points.stream().map(p -> p.measurements().value(metric))
                    .filter(Objects::nonNull).toList()));
        }
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (Verdict verdict : Verdict.values()) {
            verdicts.put(verdict.json(), (int) points.stream().filter(p -> p.verdict() == verdict).count());
        }
        return new ConnectionReport(session.id(), session.status(), points.size(), overall(points, incidents), verdicts,
                stats, incidents, page(points, page));
    }

    /**
     * An incident still open when its live ended ends with the live: no check can close it any more. An abandoned
     * live's end is unknown, and so stays its incident's.
     */
    private static Incident endedWith(Incident incident, Session session) {
        return incident.endedAt() == null && !session.isLive() && session.endedAt() != null
                ? incident.endedAt(session.endedAt())
                : incident;
    }

    /**
     * The verdict at least half of the checks reached or beat; a live that had an incident is at best fair,
     * however good the rest of it was. Null without checks.
     */
    private static Verdict overall(List<TimelinePoint> points, List<Incident> incidents) {
        if (points.isEmpty()) {
            return null;
        }
        List<Verdict> sorted = points.stream().map(TimelinePoint::verdict).sorted().toList();
        Verdict median = sorted.get(MetricStats.nearestRank(sorted.size(), 50));
        return incidents.isEmpty() || median.compareTo(Verdict.FAIR) >= 0 ? median : Verdict.FAIR;
    }

    /** The page of points after the cursor's check id (in measured order). */
    private static Page<TimelinePoint> page(List<TimelinePoint> points, PageRequest page) {
        int from = 0;
        if (page.after().isPresent()) {
            String after = page.after().get();
            from = indexOf(points, after) + 1;
            if (from == 0) {
                throw ApiException.invalid("cursor", "is not a cursor of this report");
            }
        }
        int to = Math.min(points.size(), from + page.limit());
        List<TimelinePoint> items = new ArrayList<>(points.subList(from, to));
        return Page.of(items, to < points.size() ? items.get(items.size() - 1).id() : null);
    }

    private static int indexOf(List<TimelinePoint> points, String id) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
