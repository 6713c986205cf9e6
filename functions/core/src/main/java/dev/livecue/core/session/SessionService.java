package dev.livecue.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.store.SessionStore;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/** Going live and reading a live back. */
@ApplicationScoped
public class SessionService {

    /** How far ahead of our clock a phone's clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** A live that started longer ago than this is past any plausible length (see the abandoned-session sweep). */
    static final Duration MAX_BACKDATE = Duration.ofHours(12);
    private static final int MAX_OCCURRENCE_ID = 100;

    private final SessionStore store;
    private final EventPublisher events;
    private final Clock clock;

    SessionService(SessionStore store, EventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a live now, or at {@code startedAt} when the app reports it late; publishes {@code session.started}. */
    public Session start(String creatorId, NewSession request) {
        NewSession body = request == null ? new NewSession(null, null) : request;
        Instant now = clock.instant();
        Violations v = new Violations();
        String occurrenceId = body.occurrenceId() == null ? null
                : Fields.text(v, "occurrenceId", body.occurrenceId(), MAX_OCCURRENCE_ID).orElse(null);
        Instant startedAt = body.startedAt() == null ? now : Fields.instant(v, "startedAt", body.startedAt()).orElse(now);
        v.check(!startedAt.isAfter(now.plus(CLOCK_SKEW)), "startedAt", "must not be in the future");
        v.check(!startedAt.isBefore(now.minus(MAX_BACKDATE)), "startedAt", "must be within the last " + MAX_BACKDATE.toHours() + " hours");
        v.throwIfAny();

        Session session = new Session(SecretTokens.id("ses_"), SessionStatus.LIVE, occurrenceId, null, startedAt, null, 1);
        EventPublisher.Prepared started = events.prepare(creatorId, EventTypes.SESSION_STARTED, session);
        store.create(creatorId, session, List.of(started.write()));
        return session;
    }

    public Session get(String creatorId, String sessionId) {
        return store.find(creatorId, sessionId).orElseThrow(() -> ApiException.notFound("Session " + sessionId));
    }
}
