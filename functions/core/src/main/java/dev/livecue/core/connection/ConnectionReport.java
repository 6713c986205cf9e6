package dev.livecue.core.connection;

import java.util.List;
import java.util.Map;

import dev.livecue.core.page.Page;
import dev.livecue.core.session.SessionStatus;

/**
 * A live's connection at a glance: the overall verdict, how many checks got each verdict, min/median/p95 per
 * metric and the incidents over all of its checks, and one page of its timeline (checks in the order they were
 * measured).
 */
public record ConnectionReport(String sessionId, SessionStatus sessionStatus, int checks, Verdict verdict,
        Map<String, Integer> verdicts, Map<String, MetricStats> stats, List<Incident> incidents,
        Page<TimelinePoint> timeline) {
}
