package dev.livecue.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.config.SessionsConfig;
import dev.livecue.core.creator.Creator;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.ProblemType;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.schedule.CreatorContext;
import dev.livecue.core.schedule.VacationService;
import dev.livecue.core.store.ConcurrentUpdateException;
import dev.livecue.core.store.SessionStore;
import dev.livecue.core.validation.Violations;

/**
 * The two-step end of a live. {@link #prepare} writes the goodbye and hands out a short-lived confirmation token,
 * ending nothing: an accidental tap costs nothing. {@link #confirm} with that token ends the live, records its stats
 * and announces {@code session.closed}, atomically. Confirming again with the same token answers the same result and
 * writes nothing; of two confirmations racing, the session's version lets exactly one write.
 */
@ApplicationScoped
public class CloseOut {

    public static final List<String> REASONS = List.of("planned", "early");

    private final SessionStore store;
    private final SessionService sessions;
    private final SessionEndings endings;
    private final PlannedLives planned;
    private final CreatorService creators;
    private final VacationService vacations;
    private final GoodbyeWriter goodbyes;
    private final SessionsConfig config;
    private final Clock clock;

    CloseOut(SessionStore store, SessionService sessions, SessionEndings endings, PlannedLives planned,
            CreatorService creators, VacationService vacations, GoodbyeWriter goodbyes, SessionsConfig config, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.endings = endings;
        this.planned = planned;
        this.creators = creators;
        this.vacations = vacations;
        this.goodbyes = goodbyes;
        this.config = config;
        this.clock = clock;
    }

    /** Prepares the end of a live session: its goodbye and a token to confirm with. A new call replaces the token. */
    public PreparedClose prepare(String creatorId, String sessionId, CloseRequest request) {
        String reason = request == null || request.reason() == null ? "planned" : request.reason();
        Violations v = new Violations();
        v.check(REASONS.contains(reason), "reason", "must be one of " + REASONS);
        v.throwIfAny();
        Session current = sessions.get(creatorId, sessionId);
        requireLive(current);
        Instant now = clock.instant();
        CreatorContext context = vacations.creatorContext(creatorId);
        Creator creator = context.creator();
        Goodbye goodbye = goodbyes.write(creator.locale(), creator.followCta(),
                planned.next(creatorId, context.vacation(), now, current.occurrenceId()).orElse(null));
        String token = SecretTokens.random("ct_", 24);
        Instant expiresAt = now.plus(config.confirmationTtl());
        try {
            store.prepareClose(creatorId, current.withPendingClose(
                    new Session.PendingClose(SecretTokens.sha256Hex(token), expiresAt, reason, goodbye)), current.version());
        } catch (ConcurrentUpdateException e) {
            throw ApiException.concurrentUpdate("Session " + sessionId + " changed meanwhile; prepare the close again");
        }
        return new PreparedClose(token, expiresAt, goodbye);
    }

    /** Ends the live with the token of its prepared close. */
    public Session confirm(String creatorId, String sessionId, CloseConfirmation request) {
        Violations v = new Violations();
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        v.check(request.confirmationToken() != null && !request.confirmationToken().isBlank(), "confirmationToken",
                "is required: the token POST /v1/sessions/{id}/close answered");
        SessionStats stats = SessionStats.read(request.stats(), "stats", v);
        v.throwIfAny();

        String tokenHash = SecretTokens.sha256Hex(request.confirmationToken());
        Session current = sessions.get(creatorId, sessionId);
        if (closedWith(current, tokenHash)) {
            return current;
        }
        requireLive(current);
        Session.PendingClose pending = current.pendingClose();
        if (pending == null || !SecretTokens.constantTimeEquals(pending.tokenHash(), tokenHash)) {
            throw ApiException.conflict("This is not the confirmation token of the session's latest prepared close");
        }
        Instant now = clock.instant();
        if (now.isAfter(pending.expiresAt())) {
            throw new ApiException(ProblemType.GONE, "The confirmation token expired at " + pending.expiresAt()
                    + "; prepare the close again (the live goes on until confirmed)");
        }
        Instant replayUntil = now.plus(Duration.ofDays(creators.get(creatorId).replayDays()));
        Session closed = current.ended(SessionStatus.CLOSED, pending.reason(), now, replayUntil, pending.goodbye(), stats, null);
        return endings.end(creatorId, current, closed, EventTypes.SESSION_CLOSED, s -> closedWith(s, tokenHash))
                .orElseThrow(() -> SessionEndings.changedMeanwhile(sessionId));
    }

    private static boolean closedWith(Session session, String tokenHash) {
        return session.status() == SessionStatus.CLOSED && session.pendingClose() != null
                && SecretTokens.constantTimeEquals(session.pendingClose().tokenHash(), tokenHash);
    }

    static void requireLive(Session session) {
        if (!session.isLive()) {
            throw ApiException.conflict("Session " + session.id() + " is " + session.status().json() + ", not live");
        }
    }
}
