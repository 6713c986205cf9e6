package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.num;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.webhook.Delivery;
import dev.livecue.core.webhook.DeliveryAttempt;
import dev.livecue.core.webhook.Outcome;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Deliveries ({@code CREATOR#id / DELIVERY#<eventId>#<subscriptionId>}) and the delivery log
 * ({@code WHLOG#...}). A pending delivery is listed in the due-work index at its next attempt; a claim is a lease
 * (owner and end) that also moves it to the bucket of the lease's end, so a delivery whose dispatcher died comes due
 * again by itself. Every change after the claim is conditional on still holding the lease.
 */
@ApplicationScoped
public class DeliveryStore {

    /** Kept after the last attempt, for the log and against re-creating a finished delivery. */
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final String STATUS_PENDING = "pending";
    private static final String A_CREATOR = "creatorId";
    private static final String A_EVENT_ID = "eventId";
    private static final String A_SUBSCRIPTION = "subscriptionId";
    private static final String A_MESSAGE_ID = "messageId";
    private static final String A_EVENT_TYPE = "eventType";
    private static final String A_BODY = "body";
    private static final String A_ATTEMPTS = "attempts";
    private static final String A_STATUS = "status";
    private static final String A_NEXT_ATTEMPT = "nextAttemptAt";
    private static final String A_NOT_AFTER = "notAfter";
    private static final String A_LEASE_OWNER = "leaseOwner";
    private static final String A_LEASE_UNTIL = "leaseUntil";
    private static final String A_ID = "id";
    private static final String A_ATTEMPT = "attempt";
    private static final String A_ATTEMPTED_AT = "attemptedAt";
    private static final String A_STATUS_CODE = "statusCode";
    private static final String A_ERROR = "error";
    private static final String A_DURATION = "durationMs";
    private static final String A_OUTCOME = "outcome";

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    DeliveryStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** Records the delivery unless it exists: fanning out one event twice makes one delivery per subscription. */
    public boolean createIfAbsent(Delivery delivery, Instant now) {
        Map<String, AttributeValue> item = item(delivery, now);
        item.put(Keys.GSI1_PK, s(bucket(sortKey(delivery), delivery.nextAttemptAt())));
        try {
            dynamo.putItem(p -> p.tableName(config.table()).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * The write that records a new delivery already leased to {@code owner} until {@code leaseUntil}, for the
     * transaction that records its event: the owner sends it at once, without a claim, and if the owner dies first
     * the delivery comes due in the lease's end bucket like any other whose dispatcher died.
     */
    public TransactWriteItem createLeasedWrite(Delivery delivery, String owner, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> item = item(delivery, now);
        item.put(A_LEASE_OWNER, s(owner));
        item.put(A_LEASE_UNTIL, instant(leaseUntil));
        item.put(Keys.GSI1_PK, s(bucket(sortKey(delivery), leaseUntil)));
        return TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** A new pending delivery's item, but for its due-work bucket (due at its first attempt, or at its lease's end). */
    private static Map<String, AttributeValue> item(Delivery delivery, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(delivery));
        item.put(Keys.TYPE, s("delivery"));
        item.put(A_CREATOR, s(delivery.creatorId()));
        item.put(A_EVENT_ID, s(delivery.eventId()));
        item.put(A_SUBSCRIPTION, s(delivery.subscriptionId()));
        item.put(A_MESSAGE_ID, s(delivery.messageId()));
        item.put(A_EVENT_TYPE, s(delivery.eventType()));
        item.put(A_BODY, s(delivery.body()));
        item.put(A_ATTEMPTS, n(delivery.attempts()));
        item.put(A_STATUS, s(STATUS_PENDING));
        item.put(A_NEXT_ATTEMPT, instant(delivery.nextAttemptAt()));
        if (delivery.notAfter() != null) {
            item.put(A_NOT_AFTER, instant(delivery.notAfter()));
        }
        item.put(Keys.GSI1_SK, s(sortKey(delivery)));
        item.put(Keys.EXPIRES_AT, n(now.plus(RETENTION).getEpochSecond()));
        return item;
    }

    /**
     * Takes the lease on a pending delivery whose attempt is due at {@code now} and that nobody else holds, until
     * {@code leaseUntil}. Empty when it is not due, settled, gone, or leased by another dispatcher.
     */
    public Optional<Delivery> claim(String pk, String sk, String owner, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", s(STATUS_PENDING));
        values.put(":now", instant(now));
        values.put(":owner", s(owner));
        values.put(":until", instant(leaseUntil));
        values.put(":bucket", s(bucket(sk, leaseUntil)));
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(u -> u.tableName(config.table()).key(Attrs.key(pk, sk))
                    .updateExpression("SET #owner = :owner, #until = :until, #gsi1pk = :bucket")
                    .conditionExpression("#status = :pending AND #next <= :now AND (attribute_not_exists(#until) OR #until < :now)")
                    .expressionAttributeNames(Map.of("#owner", A_LEASE_OWNER, "#until", A_LEASE_UNTIL,
                            "#gsi1pk", Keys.GSI1_PK, "#status", A_STATUS, "#next", A_NEXT_ATTEMPT))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(delivery(item));
        } catch (ConditionalCheckFailedException notOurs) {
            return Optional.empty();
        }
    }

    /** An attempt's log entry and the update that gives up the delivery's lease, to be written together. */
    public record Release(Delivery delivery, DeliveryAttempt attempt, List<TransactWriteItem> writes) {
    }

    /** Logs an attempt, schedules the next one and gives up the lease: see {@link #release}. */
    public Release retryAt(Delivery delivery, String owner, DeliveryAttempt attempt, Instant next) {
        return release(delivery, owner, attempt, "SET #attempts = :attempts, #next = :next, #gsi1pk = :bucket REMOVE #owner, #until",
                Map.of("#attempts", A_ATTEMPTS, "#next", A_NEXT_ATTEMPT, "#gsi1pk", Keys.GSI1_PK),
                Map.of(":attempts", n(attempt.attempt()), ":next", instant(next), ":bucket", s(bucket(sortKey(delivery), next))));
    }

    /**
     * Logs the last attempt (or why none was made) and ends the delivery ({@code delivered}, {@code dead_lettered}
     * or {@code expired}), out of the due-work index: see {@link #release}.
     */
    public Release settle(Delivery delivery, String owner, DeliveryAttempt attempt, Outcome outcome) {
        return release(delivery, owner, attempt, "SET #attempts = :attempts, #status = :status REMOVE #gsi1pk, #gsi1sk, #owner, #until",
                Map.of("#attempts", A_ATTEMPTS, "#status", A_STATUS, "#gsi1pk", Keys.GSI1_PK, "#gsi1sk", Keys.GSI1_SK),
                Map.of(":attempts", n(attempt.attempt()), ":status", s(outcome.json())));
    }

    /**
     * Writes each release's log entry and lease update together, many releases in one transaction. One answer per
     * release, in order; false when its lease was lost meanwhile: then its attempt is logged on its own (it was
     * made) and the delivery is left to its holder.
     */
    public List<Boolean> release(List<Release> releases) {
        List<Boolean> held = TransactionBatches.write(dynamo, releases.stream().map(Release::writes).toList());
        for (int i = 0; i < releases.size(); i++) {
            if (!held.get(i)) {
                Release lost = releases.get(i);
                log(lost.delivery().creatorId(), lost.delivery().subscriptionId(), lost.attempt());
            }
        }
        return held;
    }

    /**
     * Gives up the lease on deliveries this owner will not send after all (its tick's time ran out): they are due
     * at once for whichever pass claims them next, instead of when the lease would have ended. One whose lease was
     * lost meanwhile is left to its holder.
     */
    public void handBack(List<Delivery> deliveries, String owner, Instant now) {
        List<List<TransactWriteItem>> units = deliveries.stream().map(delivery -> List.of(TransactWriteItem.builder()
                .update(u -> u.tableName(config.table()).key(key(delivery))
                        .updateExpression("SET #gsi1pk = :bucket REMOVE #owner, #until")
                        .conditionExpression("#owner = :me")
                        .expressionAttributeNames(Map.of("#gsi1pk", Keys.GSI1_PK, "#owner", A_LEASE_OWNER, "#until", A_LEASE_UNTIL))
                        .expressionAttributeValues(Map.of(":bucket", s(bucket(sortKey(delivery), now)), ":me", s(owner))))
                .build())).toList();
        TransactionBatches.write(dynamo, units);
    }

    /** Forgets a delivery whose subscription was deleted. */
    public void delete(Delivery delivery) {
        dynamo.deleteItem(d -> d.tableName(config.table())
                .key(key(delivery)));
    }

    private Release release(Delivery delivery, String owner, DeliveryAttempt attempt, String expression,
            Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#owner", A_LEASE_OWNER);
        allNames.put("#until", A_LEASE_UNTIL);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":me", s(owner));
        TransactWriteItem log = TransactWriteItem.builder()
                .put(p -> p.tableName(config.table()).item(logItem(delivery.creatorId(), delivery.subscriptionId(), attempt))).build();
        TransactWriteItem update = TransactWriteItem.builder().update(u -> u.tableName(config.table())
                .key(key(delivery))
                .updateExpression(expression)
                .conditionExpression("#owner = :me")
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(allValues)).build();
        return new Release(delivery, attempt, List.of(log, update));
    }

    /** Adds an entry to the subscription's delivery log; entries are kept as long as deliveries. */
    public void log(String creatorId, String subscriptionId, DeliveryAttempt attempt) {
        dynamo.putItem(p -> p.tableName(config.table()).item(logItem(creatorId, subscriptionId, attempt)));
    }

    private static Map<String, AttributeValue> logItem(String creatorId, String subscriptionId, DeliveryAttempt attempt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(logKey(subscriptionId, attempt)));
        item.put(Keys.TYPE, s("deliveryAttempt"));
        item.put(A_ID, s(attempt.id()));
        item.put(A_MESSAGE_ID, s(attempt.messageId()));
        item.put(A_EVENT_ID, s(attempt.eventId()));
        item.put(A_EVENT_TYPE, s(attempt.eventType()));
        item.put(A_ATTEMPT, n(attempt.attempt()));
        item.put(A_ATTEMPTED_AT, instant(attempt.attemptedAt()));
        if (attempt.statusCode() != null) {
            item.put(A_STATUS_CODE, n(attempt.statusCode()));
        }
        Attrs.putIfPresent(item, A_ERROR, attempt.error());
        item.put(A_DURATION, n(attempt.durationMs()));
        item.put(A_OUTCOME, s(attempt.outcome().json()));
        if (attempt.nextAttemptAt() != null) {
            item.put(A_NEXT_ATTEMPT, instant(attempt.nextAttemptAt()));
        }
        item.put(Keys.EXPIRES_AT, n(attempt.attemptedAt().plus(RETENTION).getEpochSecond()));
        return item;
    }

    /** The subscription's delivery log, newest first. */
    public Page<DeliveryAttempt> attempts(String creatorId, String subscriptionId, PageRequest page) {
        String prefix = logPrefix(subscriptionId);
        QueryResponse response = dynamo.query(q -> q.tableName(config.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.creator(creatorId)), ":prefix", s(prefix)))
                .scanIndexForward(false)
                .limit(page.limit())
                .exclusiveStartKey(page.after().map(after -> Attrs.key(Keys.creator(creatorId), after)).orElse(null)));
        String last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(Keys.SK).s() : null;
        return Page.of(response.items().stream().map(DeliveryStore::attempt).toList(), last);
    }

    /** Sort-key prefix of one subscription's log, against which a list cursor is checked. */
    public static String logPrefix(String subscriptionId) {
        return Keys.DELIVERY_LOG_PREFIX + subscriptionId + "#";
    }

    private static String logKey(String subscriptionId, DeliveryAttempt attempt) {
        // Fixed-width epoch millis: sort keys order like the instants they stand for.
        return logPrefix(subscriptionId) + String.format("%013d", attempt.attemptedAt().toEpochMilli()) + "#" + attempt.id();
    }

    /** The due-work bucket of a delivery due at {@code due}; its shard never changes, so neither does its index entry's key. */
    private static String bucket(String sortKey, Instant due) {
        return Keys.dueBucket(due, Keys.dueShard(sortKey));
    }

    private static Map<String, AttributeValue> key(Delivery delivery) {
        return Attrs.key(Keys.creator(delivery.creatorId()), sortKey(delivery));
    }

    private static String sortKey(Delivery delivery) {
        return Keys.DELIVERY_PREFIX + delivery.eventId() + "#" + delivery.subscriptionId();
    }

    private static Delivery delivery(Map<String, AttributeValue> item) {
        return new Delivery(str(item, A_CREATOR), str(item, A_EVENT_ID), str(item, A_SUBSCRIPTION), str(item, A_MESSAGE_ID),
                str(item, A_EVENT_TYPE), str(item, A_BODY), (int) num(item, A_ATTEMPTS, 0), instant(item, A_NEXT_ATTEMPT),
                instant(item, A_NOT_AFTER));
    }

    private static DeliveryAttempt attempt(Map<String, AttributeValue> item) {
        Long code = item.containsKey(A_STATUS_CODE) ? num(item, A_STATUS_CODE, 0) : null;
        return new DeliveryAttempt(str(item, A_ID), str(item, A_MESSAGE_ID), str(item, A_EVENT_ID), str(item, A_EVENT_TYPE),
                (int) num(item, A_ATTEMPT, 0), instant(item, A_ATTEMPTED_AT), code == null ? null : code.intValue(),
                str(item, A_ERROR), num(item, A_DURATION, 0), Outcome.of(str(item, A_OUTCOME)), instant(item, A_NEXT_ATTEMPT));
    }
}
