package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;
import static dev.livecue.core.store.Attrs.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.webhook.Subscription;
import dev.livecue.core.webhook.SubscriptionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Webhook subscriptions under their creator ({@code CREATOR#id / WEBHOOK#wh_...}). Changes after creation are
 * single conditional updates of the fields they touch, so a rotation, a disable by the dispatcher and an enable by
 * the creator never overwrite each other.
 */
@ApplicationScoped
public class SubscriptionStore {

    static final String TYPE = "webhook";
    private static final String A_ID = "id";
    private static final String A_CREATOR = "creatorId";
    private static final String A_URL = "url";
    private static final String A_EVENTS = "events";
    private static final String A_DESCRIPTION = "description";
    private static final String A_STATUS = "status";
    private static final String A_DISABLED_REASON = "disabledReason";
    private static final String A_SECRET = "secret";
    private static final String A_PREVIOUS_SECRET = "previousSecret";
    private static final String A_PREVIOUS_SECRET_UNTIL = "previousSecretUntil";
    private static final String A_FAILING_SINCE = "failingSince";
    private static final String A_CREATED_AT = "createdAt";
    private static final String A_UPDATED_AT = "updatedAt";

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    SubscriptionStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /**
     * The version of the creator's set of subscriptions: every create and delete moves it on, so a create counted
     * against the limit from one version is written only if the set is still as counted.
     */
    public long setVersion(String creatorId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.WEBHOOK_SET)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? 0 : Attrs.num(item, Keys.VERSION, 0);
    }

    /**
     * Creates the subscription if the creator's set is still at {@code seenVersion} ({@link #setVersion}, read
     * before the set was counted); otherwise {@link ConcurrentUpdateException}: another create or delete got in
     * between, and the count is to be made again ({@link AlreadyCreatedException} when its id is taken).
     */
    public void create(Subscription subscription, long seenVersion) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(setChange(subscription.creatorId(), seenVersion),
                    TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(newItem(subscription))
                            .conditionExpression("attribute_not_exists(pk)")).build()));
        } catch (TransactionCanceledException e) {
            if (Cancellations.conditionFailedAt(e, 1)) {
                throw new AlreadyCreatedException();
            }
            if (Cancellations.conflicted(e)) {
                pauseAfterConflict("adding a webhook subscription");
                throw new ConcurrentUpdateException();
            }
            if (Cancellations.conditionFailedAt(e, 0)) {
                throw new ConcurrentUpdateException();
            }
            throw e;
        }
    }

    public Optional<Subscription> find(String creatorId, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table()).key(key(creatorId, id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(subscription(item));
    }

    public Page<Subscription> list(String creatorId, PageRequest page) {
        page.within(Keys.WEBHOOK_PREFIX);
        QueryResponse response = dynamo.query(query(creatorId).limit(page.limit())
                .exclusiveStartKey(page.after().map(after -> Attrs.key(Keys.creator(creatorId), after)).orElse(null))
                .build());
        String last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(Keys.SK).s() : null;
        return Page.of(response.items().stream().map(SubscriptionStore::subscription).toList(), last);
    }

    /** Every subscription of the creator; there are at most a few dozen. */
    public List<Subscription> listAll(String creatorId) {
        List<Subscription> all = new ArrayList<>();
        dynamo.queryPaginator(query(creatorId).build()).items().forEach(item -> all.add(subscription(item)));
        return all;
    }

    /**
     * False when the creator has no such subscription; {@link ConcurrentUpdateException} when another create or
     * delete was written at the same moment.
     */
    public boolean delete(String creatorId, String id) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(setChange(creatorId, -1),
                    TransactWriteItem.builder().delete(d -> d.tableName(config.table()).key(key(creatorId, id))
                            .conditionExpression("attribute_exists(pk)")).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (Cancellations.conditionFailedAt(e, 1)) {
                return false;
            }
            if (Cancellations.conflicted(e)) {
                pauseAfterConflict("deleting a webhook subscription");
                throw new ConcurrentUpdateException();
            }
            throw e;
        }
    }

    /** DynamoDB may cancel both of two racing transactions: each waits a little, its own time, before the next try. */
    private static void pauseAfterConflict(String during) {
        Cancellations.pauseAfterConflict(1 + ThreadLocalRandom.current().nextInt(3), during);
    }

    /** Moves the set's version on, if it is still {@code seen} (0: none yet; {@code -1}: whatever it is). */
    private TransactWriteItem setChange(String creatorId, long seen) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Attrs.n(1), ":type", s("webhookSet")));
        Update.Builder update = Update.builder().tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.WEBHOOK_SET)).updateExpression("SET #type = :type ADD #v :one")
                .expressionAttributeNames(Map.of("#v", Keys.VERSION, "#type", Keys.TYPE));
        if (seen == 0) {
            update.conditionExpression("attribute_not_exists(#v)");
        } else if (seen > 0) {
            update.conditionExpression("#v = :seen");
            values.put(":seen", Attrs.n(seen));
        }
        return TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build();
    }

    /**
     * Makes {@code secret} the signing secret and keeps the current one signing until {@code previousUntil}, in one
     * update, so two rotations at once cannot lose a secret that receivers already hold.
     */
    public Optional<Subscription> rotateSecret(String creatorId, String id, String secret, Instant previousUntil, Instant now) {
        return update(creatorId, id, "SET #prev = #secret, #secret = :secret, #prevUntil = :until, #updated = :now",
                Map.of("#prev", A_PREVIOUS_SECRET, "#secret", A_SECRET, "#prevUntil", A_PREVIOUS_SECRET_UNTIL, "#updated", A_UPDATED_AT),
                Map.of(":secret", s(secret), ":until", instant(previousUntil), ":now", instant(now)));
    }

    /** Turns deliveries back on and forgets past failures. */
    public Optional<Subscription> enable(String creatorId, String id, Instant now) {
        return update(creatorId, id, "SET #status = :status, #updated = :now REMOVE #reason, #failing",
                Map.of("#status", A_STATUS, "#updated", A_UPDATED_AT, "#reason", A_DISABLED_REASON, "#failing", A_FAILING_SINCE),
                Map.of(":status", s(SubscriptionStatus.ACTIVE.json()), ":now", instant(now)));
    }

    public Optional<Subscription> disable(String creatorId, String id, String reason, Instant now) {
        return update(creatorId, id, "SET #status = :status, #reason = :reason, #updated = :now",
                Map.of("#status", A_STATUS, "#reason", A_DISABLED_REASON, "#updated", A_UPDATED_AT),
                Map.of(":status", s(SubscriptionStatus.DISABLED.json()), ":reason", s(reason), ":now", instant(now)));
    }

    /** Records a failed attempt: the run of failures started at {@code now} unless it had already started. */
    public Optional<Subscription> markFailing(String creatorId, String id, Instant now) {
        return update(creatorId, id, "SET #failing = if_not_exists(#failing, :now)",
                Map.of("#failing", A_FAILING_SINCE), Map.of(":now", instant(now)));
    }

    /** Records a successful delivery: the run of failures, if any, is over. */
    public void clearFailing(String creatorId, String id) {
        update(creatorId, id, "REMOVE #failing", Map.of("#failing", A_FAILING_SINCE), Map.of());
    }

    private Optional<Subscription> update(String creatorId, String id, String expression, Map<String, String> names,
            Map<String, AttributeValue> values) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(config.table()).key(key(creatorId, id))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(names)
                .returnValues(ReturnValue.ALL_NEW);
        if (!values.isEmpty()) {
            request.expressionAttributeValues(values);
        }
        try {
            return Optional.of(subscription(dynamo.updateItem(request.build()).attributes()));
        } catch (ConditionalCheckFailedException deleted) {
            return Optional.empty();
        }
    }

    private QueryRequest.Builder query(String creatorId) {
        return QueryRequest.builder().tableName(config.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.creator(creatorId)), ":prefix", s(Keys.WEBHOOK_PREFIX)))
                .consistentRead(true);
    }

    private static Map<String, AttributeValue> key(String creatorId, String id) {
        return Attrs.key(Keys.creator(creatorId), Keys.WEBHOOK_PREFIX + id);
    }

    private static Map<String, AttributeValue> newItem(Subscription w) {
        Map<String, AttributeValue> item = new HashMap<>(key(w.creatorId(), w.id()));
        item.put(Keys.TYPE, s(TYPE));
        item.put(A_ID, s(w.id()));
        item.put(A_CREATOR, s(w.creatorId()));
        item.put(A_URL, s(w.url()));
        item.put(A_EVENTS, strings(w.events()));
        Attrs.putIfPresent(item, A_DESCRIPTION, w.description());
        item.put(A_STATUS, s(w.status().json()));
        Attrs.putIfPresent(item, A_DISABLED_REASON, w.disabledReason());
        item.put(A_SECRET, s(w.secret()));
        item.put(A_CREATED_AT, instant(w.createdAt()));
        item.put(A_UPDATED_AT, instant(w.updatedAt()));
        return item;
    }

    private static Subscription subscription(Map<String, AttributeValue> item) {
        return new Subscription(str(item, A_ID), str(item, A_CREATOR), str(item, A_URL), strings(item, A_EVENTS),
                str(item, A_DESCRIPTION), SubscriptionStatus.of(str(item, A_STATUS)), str(item, A_DISABLED_REASON),
                str(item, A_SECRET), str(item, A_PREVIOUS_SECRET), instant(item, A_PREVIOUS_SECRET_UNTIL),
                instant(item, A_FAILING_SINCE), instant(item, A_CREATED_AT), instant(item, A_UPDATED_AT));
    }
}
