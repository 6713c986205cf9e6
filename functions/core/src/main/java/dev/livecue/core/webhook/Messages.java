package dev.livecue.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.events.Event;
import dev.livecue.core.events.EventTypes;

/**
 * Turns an event into the message one subscription receives: the body {@code {"type", "timestamp", "data"}}, the
 * {@code webhook-id} derived from event and subscription (so every attempt, and a second fan-out of the same
 * event, carries the same id) and the moment after which it would be too late to send.
 */
@ApplicationScoped
public class Messages {

    /** Events about a coming live: sending one after the live's {@code data.start} would announce the past. */
    private static final Set<String> BEFORE_START = Set.of(EventTypes.LIVE_REMINDER, EventTypes.LIVE_CHECKLIST);

    private final ObjectMapper json;

    Messages(ObjectMapper json) {
        this.json = json;
    }

    /** The delivery of {@code event} to {@code subscription}, first due at {@code due}. */
    public Delivery delivery(Event event, Subscription subscription, Instant due) {
        JsonNode data = data(event);
        return new Delivery(event.creatorId(), event.id(), subscription.id(), messageId(event.id(), subscription.id()),
                event.type(), body(event, data), 0, due, notAfter(event, data));
    }

    static String messageId(String eventId, String subscriptionId) {
        byte[] hash = SecretTokens.sha256((eventId + "/" + subscriptionId).getBytes(StandardCharsets.UTF_8));
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    }

    private String body(Event event, JsonNode data) {
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", event.occurredAt().toString());
        body.set("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }

    private JsonNode data(Event event) {
        try {
            return json.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " holds invalid JSON", e);
        }
    }

    private static Instant notAfter(Event event, JsonNode data) {
        JsonNode start = data.path("start");
        if (!BEFORE_START.contains(event.type()) || !start.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(start.asText());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
