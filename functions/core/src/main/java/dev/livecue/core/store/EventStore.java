package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.events.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The creator's event outbox: {@code CREATOR#id / EVENT#evt_...}, listed in the due-work index at the minute it
 * happened so the dispatcher fans it out. Events are kept for 30 days.
 */
@ApplicationScoped
public class EventStore {

    static final String TYPE = "event";
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final String A_EVENT_ID = "eventId";
    private static final String A_CREATOR = "creatorId";
    private static final String A_EVENT_TYPE = "eventType";
    private static final String A_OCCURRED_AT = "occurredAt";
    private static final String A_DATA = "data";

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    EventStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** Records an event for the fan-out job to find in the due-work index. */
    public void put(Event event) {
        dynamo.putItem(p -> p.tableName(config.table()).item(awaitingFanOut(event)));
    }

    /** {@link #put} as a write of a transaction. */
    public TransactWriteItem putWrite(Event event) {
        return TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(awaitingFanOut(event))).build();
    }

    /** Records an event whose deliveries are made in the same transaction: the fan-out job never sees it. */
    public TransactWriteItem putFannedOutWrite(Event event) {
        return TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(item(event))).build();
    }

    public Optional<Event> find(String creatorId, String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.EVENT_PREFIX + eventId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(event(item));
    }

    /** Takes a fanned-out event out of the due-work index; the event itself stays for its retention period. */
    public void markFannedOut(String creatorId, String eventId) {
        try {
            dynamo.updateItem(u -> u.tableName(config.table())
                    .key(Attrs.key(Keys.creator(creatorId), Keys.EVENT_PREFIX + eventId))
                    .updateExpression("REMOVE #pk, #sk")
                    .conditionExpression("attribute_exists(pk)") // never create a stub for an expired event
                    .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK, "#sk", Keys.GSI1_SK)));
        } catch (ConditionalCheckFailedException expired) {
            // gone already, and with it its index entry
        }
    }

    public static Event event(Map<String, AttributeValue> item) {
        return new Event(str(item, A_EVENT_ID), str(item, A_CREATOR), str(item, A_EVENT_TYPE),
                instant(item, A_OCCURRED_AT), str(item, A_DATA));
    }

    private static Map<String, AttributeValue> awaitingFanOut(Event event) {
        Map<String, AttributeValue> item = item(event);
        item.put(Keys.GSI1_PK, s(Keys.dueBucket(event.occurredAt(), Keys.dueShard(event.id()))));
        item.put(Keys.GSI1_SK, s(Keys.EVENT_PREFIX + event.occurredAt() + "#" + event.id()));
        return item;
    }

    private static Map<String, AttributeValue> item(Event event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(event.creatorId())));
        item.put(Keys.SK, s(Keys.EVENT_PREFIX + event.id()));
        item.put(Keys.TYPE, s(TYPE));
        item.put(A_EVENT_ID, s(event.id()));
        item.put(A_CREATOR, s(event.creatorId()));
        item.put(A_EVENT_TYPE, s(event.type()));
        item.put(A_OCCURRED_AT, instant(event.occurredAt()));
        item.put(A_DATA, s(event.data()));
        item.put(Keys.EXPIRES_AT, n(event.occurredAt().plus(RETENTION).getEpochSecond()));
        return item;
    }
}
