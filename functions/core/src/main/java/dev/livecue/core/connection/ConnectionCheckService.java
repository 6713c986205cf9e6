package dev.livecue.core.connection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.FieldError;
import dev.livecue.core.error.ProblemType;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.idempotency.NewIds;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.session.Session;
import dev.livecue.core.store.ConcurrentUpdateException;
import dev.livecue.core.store.ConnectionStore;
import dev.livecue.core.store.SessionStore;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.PossibleIds;
import dev.livecue.core.validation.Violations;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Records a connection check: validates it, judges it, and during a live applies the incident rule, raising
 * {@code connection.degraded} in the same transaction that opens the incident, so it is raised once per incident
 * however many checks race.
 */
@ApplicationScoped
public class ConnectionCheckService {

    /** Far beyond any phone's link; a larger number is a bug or a probe, not a measurement. */
    static final double MAX_MBPS = 100_000;
    /** Ten minutes: a round trip or jitter longer than that is not a network, it is a timeout. */
    static final double MAX_MS = 600_000;
    /** Measurements are kept to this many decimals (see {@link #kept}). */
    private static final int DECIMALS = 3;
    /** Racing check posts of one live are retried this often before the caller is asked to retry. */
    private static final int MAX_ATTEMPTS = 5;

    private final ConnectionStore store;
    private final SessionStore sessions;
    private final ConnectionAssessor assessor;
    private final IncidentTracker tracker;
    private final EventPublisher events;
    private final ConnectionConfig config;
    private final NewIds ids;
    private final Clock clock;

    ConnectionCheckService(ConnectionStore store, SessionStore sessions, ConnectionAssessor assessor,
            IncidentTracker tracker, EventPublisher events, ConnectionConfig config, NewIds ids, Clock clock) {
        this.ids = ids;
        this.store = store;
        this.sessions = sessions;
        this.assessor = assessor;
        this.tracker = tracker;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public ConnectionCheck record(String creatorId, NewConnectionCheck body) {
        if (body == null) {
            throw ApiException.invalid("body", "is required");
        }
        Instant now = clock.instant();
        String id = ids.next("chk_");
        // a check's key holds its time, so an earlier attempt's is found at it
        return ids.once(() -> recordNew(creatorId, id, body, now),
                () -> measuredAt(body, now, new Violations()).flatMap(at -> store.find(creatorId, at, id)));
    }

    /**
     * When the check was measured: as sent, or else when the request began (a retry's: its first attempt's); empty
     * when what was sent is no instant, which {@code v} is told.
     */
    private Optional<Instant> measuredAt(NewConnectionCheck body, Instant now, Violations v) {
        return body.measuredAt() == null ? Optional.of(ids.now(now)) : Fields.instant(v, "measuredAt", body.measuredAt());
    }

    private ConnectionCheck recordNew(String creatorId, String id, NewConnectionCheck body, Instant now) {
        Violations v = new Violations();
        Optional<NetworkType> network = body.networkType() == null ? Optional.empty() : NetworkType.parse(body.networkType());
        v.check(network.isPresent(), "networkType", body.networkType() == null ? "is required: wifi, cellular, ethernet or unknown"
                : "'" + body.networkType() + "' is not one of wifi, cellular, ethernet, unknown");
        Instant measuredAt = measuredAt(body, now, v).orElse(now);
        v.check(!measuredAt.isAfter(now.plus(config.maxClockSkew())), "measuredAt",
                "is in the future (more than " + config.maxClockSkew().toMinutes() + " minutes ahead of the server's clock)");
        v.check(!measuredAt.isBefore(now.minus(config.maxAge())), "measuredAt",
                "is older than " + config.maxAge().toHours() + " hours");
        v.check(body.uploadMbps() != null, "uploadMbps", "is required");
        measurement(v, "uploadMbps", body.uploadMbps(), MAX_MBPS);
        measurement(v, "downloadMbps", body.downloadMbps(), MAX_MBPS);
        measurement(v, "rttMs", body.rttMs(), MAX_MS);
        measurement(v, "jitterMs", body.jitterMs(), MAX_MS);
        measurement(v, "packetLossPct", body.packetLossPct(), 100);
        v.check(body.sessionId() == null || !body.sessionId().isBlank(), "sessionId", "must not be blank");
        v.throwIfAny();

        Optional<Session> live = body.sessionId() == null ? Optional.empty() : Optional.of(liveSession(creatorId, body.sessionId()));
        // a check from before the live would open an incident that starts before it, and alert the creator's tools
        if (live.isPresent() && measuredAt.isBefore(live.get().startedAt().minus(config.maxClockSkew()))) {
            throw ApiException.invalid("measuredAt", "is before the live started (" + live.get().startedAt()
                    + "); send checks from before a live without a sessionId");
        }
        Measurements m = new Measurements(network.orElseThrow(), kept(body.uploadMbps()), kept(body.downloadMbps()),
                kept(body.rttMs()), kept(body.jitterMs()), kept(body.packetLossPct()));
        Assessment assessment = assessor.assess(m);
        if (live.isEmpty()) {
            ConnectionCheck check = judged(id, null, measuredAt, m, assessment, null, IncidentPhase.NONE);
            store.put(creatorId, check);
            return check;
        }
        return recordInLive(creatorId, live.get().id(), id, measuredAt, m, assessment);
    }

    public Page<ConnectionCheck> list(String creatorId, PageRequest page) {
        return store.list(creatorId, page);
    }

    /**
     * Applies the check to the live's incident state and writes both, retrying from a fresh read when another
     * check of the same live changed the state in between: only one of two racing posts opens the incident.
     */
    private ConnectionCheck recordInLive(String creatorId, String sessionId, String id, Instant measuredAt, Measurements m,
            Assessment assessment) {
        for (int attempt = 1;; attempt++) {
            IncidentState state = store.incidentState(creatorId, sessionId);
            IncidentTransition transition = tracker.next(state, sessionId, assessment.verdict(), measuredAt);
            IncidentState next = transition.next();
            // recovering: this good check counted toward the end of the open incident (one measured before it
            // began does not)
            IncidentPhase phase = next.open() == null ? IncidentPhase.NONE
                    : next.goodStreak() > state.goodStreak() ? IncidentPhase.RECOVERING : IncidentPhase.OPEN;
            ConnectionCheck check = judged(id, sessionId, measuredAt, m, assessment, next.open(), phase);
            Optional<TransactWriteItem> degraded = Optional.ofNullable(transition.opened()).map(incident -> events
                    .prepare(creatorId, EventTypes.CONNECTION_DEGRADED, ConnectionDegraded.of(check, incident)).write());
            try {
                store.putInLive(creatorId, check, state.version(), transition, degraded);
                return check;
            } catch (ConcurrentUpdateException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw ApiException.concurrentUpdate("Too many checks of this session at once; retry this one");
                }
            }
        }
    }

    /**
     * The check as answered: during an open incident the advice is to end the live and reschedule, unless this check
     * is a good one counting toward the incident's end; then it gets its own advice (a connection coming back is no
     * reason to end the live), with the incident still named until enough good checks in a row end it.
     */
    private static ConnectionCheck judged(String id, String sessionId, Instant measuredAt, Measurements m,
            Assessment assessment, Incident open, IncidentPhase phase) {
        Recommendation recommendation = phase == IncidentPhase.OPEN ? Recommendation.END_AND_RESCHEDULE
                : assessment.recommendation();
        List<String> steps = Step.plan(m.networkType(), assessment.verdict(), assessment.findings(), phase);
        return new ConnectionCheck(id, sessionId, measuredAt, m, assessment.verdict(), assessment.score(),
                assessment.findings(), steps, recommendation, open == null ? null : open.id());
    }

    private Session liveSession(String creatorId, String sessionId) {
        Optional<Session> found = PossibleIds.possible(sessionId) ? sessions.find(creatorId, sessionId) : Optional.empty();
        Session session = found.orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND,
                "The sessionId names no session of yours", List.of(new FieldError("sessionId", "is not a session of yours"))));
        if (!session.isLive()) {
            throw new ApiException(ProblemType.CONFLICT, "Session " + sessionId + " is " + session.status().json()
                    + "; post checks outside a live without a sessionId",
                    List.of(new FieldError("sessionId", "is not live")));
        }
        return session;
    }

    /**
     * A measurement to three decimals (a kbps, a microsecond): finer is noise, and DynamoDB refuses numbers below
     * 1E-130, which a sender may well write (1e-200 Mbps is a valid JSON number from 0 to the maximum).
     */
    private static Double kept(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    /** A measurement, if sent, is a finite number from 0 to {@code max}; JSON strings like "NaN" end here too. */
    private static void measurement(Violations v, String field, Double value, double max) {
        if (value != null) {
            v.check(Double.isFinite(value) && value >= 0 && value <= max, field,
                    "must be a number from 0 to " + (long) max);
        }
    }
}
