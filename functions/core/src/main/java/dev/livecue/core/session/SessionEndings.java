package dev.livecue.core.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.store.ConcurrentUpdateException;
import dev.livecue.core.store.SessionStore;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The one way a live ends (closed, interrupted or abandoned): the ended session, its event and the planned live it
 * was for, recorded as {@code held}, are written in one transaction guarded by the session's version.
 */
@ApplicationScoped
class SessionEndings {

    private final SessionStore store;
    private final EventPublisher events;
    private final PlannedLives planned;
    private final Clock clock;

    SessionEndings(SessionStore store, EventPublisher events, PlannedLives planned, Clock clock) {
        this.store = store;
        this.events = events;
        this.planned = planned;
        this.clock = clock;
    }

    /**
     * What a caller answers when another request changed the session first and not as this one asked (or was still
     * writing it: DynamoDB reports a transaction under way as a conflict, and the session may still read as live).
     */
    static ApiException changedMeanwhile(String sessionId) {
        return ApiException.concurrentUpdate("Session " + sessionId
                + " was changed by another request meanwhile; read it, and send this request again if it is still live");
    }

    /**
     * Writes {@code ended} over {@code current} with an {@code eventType} event carrying it. If
     * another request changed the session first, answers what that request made of it when {@code settled} accepts
     * it (the same confirmation arriving twice at once), and empty otherwise.
     */
    Optional<Session> end(String creatorId, Session current, Session ended, String eventType, Predicate<Session> settled) {
        List<TransactWriteItem> alongside = new ArrayList<>(List.of(events.prepare(creatorId, eventType, ended).write()));
        if (ended.occurrenceId() != null) {
            planned.statusWrite(creatorId, ended.occurrenceId(), OccurrenceStatus.HELD, clock.instant()).ifPresent(alongside::add);
        }
        try {
            store.end(creatorId, ended, current.version(), alongside);
        } catch (ConcurrentUpdateException e) {
            return store.find(creatorId, current.id()).filter(settled);
        }
        return Optional.of(ended);
    }
}
