package dev.livecue.core.events;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.store.EventStore;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Records events in the creator's outbox. The dispatcher fans each one out to the matching webhook subscriptions
 * on its next tick, so a service never waits on a receiver, and an event written together with the change that
 * caused it (see {@link #prepare}) is never lost or sent for a change that did not happen.
 */
@ApplicationScoped
public class EventPublisher {

    private final EventStore store;
    private final ObjectMapper json;
    private final Clock clock;

    EventPublisher(EventStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Records the event on its own. */
    public Event publish(String creatorId, String type, Object data) {
        Event event = event(creatorId, type, data);
        store.put(event);
        return event;
    }

    /** The event and the write that records it, for a transaction with the change that caused it. */
    public Prepared prepare(String creatorId, String type, Object data) {
        Event event = event(creatorId, type, data);
        return new Prepared(event, store.putWrite(event));
    }

    /**
     * The event, under the id {@code eventId}, and the write that records it as fanned out already, for a
     * transaction that also writes its deliveries (the dispatcher's own events: it sends them at once). The caller
     * derives the id from what caused the event, so causing it twice (a firing repeated after a lost write) makes
     * the same event, and the same {@code webhook-id}s.
     */
    public Prepared prepareFannedOut(String eventId, String creatorId, String type, Object data) {
        Event event = event(eventId, creatorId, type, data);
        return new Prepared(event, store.putFannedOutWrite(event));
    }

    public record Prepared(Event event, TransactWriteItem write) {
    }

    private Event event(String creatorId, String type, Object data) {
        return event(SecretTokens.id("evt_"), creatorId, type, data);
    }

    private Event event(String id, String creatorId, String type, Object data) {
        if (!EventTypes.ALL.contains(type)) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        try {
            return new Event(id, creatorId, type, clock.instant(), json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not serializable", e);
        }
    }
}
