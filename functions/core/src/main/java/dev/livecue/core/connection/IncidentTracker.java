package dev.livecue.core.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.auth.SecretTokens;

/**
 * The incident rule of a live: {@code poorChecks} poor (or offline) checks in a row, measured within
 * {@code window}, open an incident; {@code goodChecks} good (or excellent) checks in a row close it. Anything in
 * between (a fair check) breaks both streaks. Streaks count checks in the order they arrive; the window is
 * judged on the times they were measured, and a good check measured before the incident began does not close it.
 */
@ApplicationScoped
public class IncidentTracker {

    private final ConnectionConfig.Incident rules;

    IncidentTracker(ConnectionConfig config) {
        this.rules = config.incident();
        if (rules.poorChecks() < 1 || rules.goodChecks() < 1 || rules.window().isNegative()) {
            throw new IllegalStateException("livecue.connection.incident.* needs poor-checks and good-checks of at least 1"
                    + " and a window that is not negative");
        }
    }

    public IncidentTransition next(IncidentState state, String sessionId, Verdict verdict, Instant measuredAt) {
        long version = state.version() + 1;
        Incident open = state.open();
        if (verdict.isBad()) {
            if (open != null) {
                return new IncidentTransition(new IncidentState(List.of(), 0, null, open, version), null, null);
            }
            List<Instant> streak = new ArrayList<>(state.poorStreak());
            streak.add(measuredAt);
            if (streak.size() > rules.poorChecks()) {
                streak = streak.subList(streak.size() - rules.poorChecks(), streak.size());
            }
            if (streak.size() == rules.poorChecks() && withinWindow(streak)) {
                Incident opened = new Incident(SecretTokens.id("inc_"), sessionId, Collections.min(streak), null);
                return new IncidentTransition(new IncidentState(List.of(), 0, null, opened, version), opened, null);
            }
            return new IncidentTransition(new IncidentState(List.copyOf(streak), 0, null, null, version), null, null);
        }
        if (verdict.isRecovered() && open != null && measuredAt.isBefore(open.startedAt())) {
            // measured before the trouble began (a phone sending late): it says nothing about a recovery
            return new IncidentTransition(new IncidentState(List.of(), state.goodStreak(), state.goodSince(), open, version),
                    null, null);
        }
        if (verdict.isRecovered() && open != null) {
            Instant since = state.goodSince() == null || measuredAt.isBefore(state.goodSince()) ? measuredAt : state.goodSince();
            int good = state.goodStreak() + 1;
            if (good >= rules.goodChecks()) {
                return new IncidentTransition(new IncidentState(List.of(), 0, null, null, version), null, open.endedAt(since));
            }
            return new IncidentTransition(new IncidentState(List.of(), good, since, open, version), null, null);
        }
        return new IncidentTransition(new IncidentState(List.of(), 0, null, open, version), null, null);
    }

    private boolean withinWindow(List<Instant> times) {
        return Duration.between(Collections.min(times), Collections.max(times)).compareTo(rules.window()) <= 0;
    }
}
