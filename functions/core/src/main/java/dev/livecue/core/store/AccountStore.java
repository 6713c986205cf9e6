package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.num;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;
import static dev.livecue.core.store.Attrs.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.creator.ApiKey;
import dev.livecue.core.creator.Creator;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Creators, their handles and their API keys in DynamoDB. */
@ApplicationScoped
public class AccountStore {

    private static final String A_ID = "id";
    private static final String A_HANDLE = "handle";
    private static final String A_DISPLAY_NAME = "displayName";
    private static final String A_TIME_ZONE = "timeZone";
    private static final String A_LOCALE = "locale";
    private static final String A_FOLLOW_CTA = "followCta";
    private static final String A_DEFAULT_REMINDERS = "defaultReminders";
    private static final String A_REPLAY_DAYS = "replayDays";
    private static final String A_CREATED_AT = "createdAt";
    private static final String A_UPDATED_AT = "updatedAt";
    private static final String A_CREATOR_ID = "creatorId";
    private static final String A_KEY_ID = "keyId";
    private static final String A_KEY_HASH = "keyHash";
    private static final String A_NAME = "name";
    private static final String A_PREFIX = "prefix";

    /** The handle is taken by another creator. */
    public static final class HandleTakenException extends RuntimeException {
        HandleTakenException() {
            super(null, null, false, false);
        }
    }

    /** Who owns an API key. */
    public record KeyOwner(String creatorId, String keyId) {
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    /** Writes the creator, its handle claim and its first key in one transaction: all or nothing. */
    public void createCreator(Creator creator, ApiKey firstKey, String keyHash) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table())
                .item(Map.of(Keys.PK, s(Keys.handle(creator.handle())), Keys.SK, s(Keys.LOOKUP),
                        Keys.TYPE, s("handle"), A_CREATOR_ID, s(creator.id())))
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table())
                .item(creatorItem(creator))
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.addAll(keyWrites(creator.id(), firstKey, keyHash));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw new HandleTakenException();
            }
            throw e;
        }
    }

    public Optional<Creator> findCreator(String creatorId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.PROFILE))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toCreator(item));
    }

    /** Replaces the profile if nobody changed it since {@code expectedVersion} was read. */
    public void updateCreator(Creator updated, long expectedVersion) {
        try {
            dynamo.putItem(p -> p.tableName(table())
                    .item(creatorItem(updated))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", Keys.VERSION))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException();
        }
    }

    public void addKey(String creatorId, ApiKey key, String keyHash) {
        dynamo.transactWriteItems(t -> t.transactItems(keyWrites(creatorId, key, keyHash)));
    }

    /** Strongly consistent, so a key deleted a moment ago is already unknown. */
    public Optional<KeyOwner> findKeyOwner(String keyHash) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table())
                .key(Attrs.key(Keys.apiKeyLookup(keyHash), Keys.LOOKUP))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new KeyOwner(str(item, A_CREATOR_ID), str(item, A_KEY_ID)));
    }

    public Page<ApiKey> listKeys(String creatorId, PageRequest page) {
        page.within(Keys.API_KEY_PREFIX);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(Keys.creator(creatorId)));
        values.put(":prefix", s(Keys.API_KEY_PREFIX));
        QueryResponse response = dynamo.query(q -> {
            q.tableName(table())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(values)
                    .consistentRead(true) // a key issued or revoked a moment ago is listed as it is now
                    .limit(page.limit());
            page.after().ifPresent(after -> q.exclusiveStartKey(Attrs.key(Keys.creator(creatorId), after)));
        });
        List<ApiKey> keys = response.items().stream().map(AccountStore::toKey).toList();
        String last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(Keys.SK).s() : null;
        return Page.of(keys, last);
    }

    /**
     * Deletes the key and its lookup together, provided the creator's key {@code keptKeyId} still exists: two
     * revocations racing each other can then never both succeed and leave the creator without a key (DynamoDB
     * transactions are serializable, so whichever commits second finds the key it relied on gone).
     */
    public Revocation deleteKey(String creatorId, String keyId, String keptKeyId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.apiKey(keyId))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Revocation.NO_SUCH_KEY;
        }
        String hash = str(item, A_KEY_HASH);
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().delete(d -> d.tableName(table())
                            .key(Attrs.key(Keys.creator(creatorId), Keys.apiKey(keyId)))
                            .conditionExpression("attribute_exists(pk)")).build(),
                    TransactWriteItem.builder().delete(d -> d.tableName(table())
                            .key(Attrs.key(Keys.apiKeyLookup(hash), Keys.LOOKUP))).build(),
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(table())
                            .key(Attrs.key(Keys.creator(creatorId), Keys.apiKey(keptKeyId)))
                            .conditionExpression("attribute_exists(pk)")).build()));
            return Revocation.REVOKED;
        } catch (TransactionCanceledException e) {
            List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
            if (codes.size() == 3 && "ConditionalCheckFailed".equals(codes.get(0))) {
                return Revocation.NO_SUCH_KEY;
            }
            if (codes.contains("TransactionConflict") || codes.size() == 3 && "ConditionalCheckFailed".equals(codes.get(2))) {
                return Revocation.RACED;
            }
            throw e; // throttling and the like: the SDK's retries are spent, not a race to decide again
        }
    }

    /** What {@link #deleteKey} did. */
    public enum Revocation {
        REVOKED,
        /** The creator has no such key (any more). */
        NO_SUCH_KEY,
        /** The key meant to remain was revoked meanwhile, or another write got in the way: decide again. */
        RACED
    }

    private List<TransactWriteItem> keyWrites(String creatorId, ApiKey key, String keyHash) {
        Map<String, AttributeValue> owned = new HashMap<>();
        owned.put(Keys.PK, s(Keys.creator(creatorId)));
        owned.put(Keys.SK, s(Keys.apiKey(key.id())));
        owned.put(Keys.TYPE, s("apiKey"));
        owned.put(A_KEY_ID, s(key.id()));
        owned.put(A_KEY_HASH, s(keyHash));
        owned.put(A_PREFIX, s(key.prefix()));
        owned.put(A_CREATED_AT, instant(key.createdAt()));
        Attrs.putIfPresent(owned, A_NAME, key.name());
        Map<String, AttributeValue> lookup = Map.of(
                Keys.PK, s(Keys.apiKeyLookup(keyHash)), Keys.SK, s(Keys.LOOKUP), Keys.TYPE, s("apiKeyLookup"),
                A_CREATOR_ID, s(creatorId), A_KEY_ID, s(key.id()));
        return List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table()).item(owned)
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table()).item(lookup)
                        .conditionExpression("attribute_not_exists(pk)")).build());
    }

    private static Map<String, AttributeValue> creatorItem(Creator c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(c.id())));
        item.put(Keys.SK, s(Keys.PROFILE));
        item.put(Keys.TYPE, s("creator"));
        item.put(A_ID, s(c.id()));
        item.put(A_HANDLE, s(c.handle()));
        item.put(A_DISPLAY_NAME, s(c.displayName()));
        item.put(A_TIME_ZONE, s(c.timeZone()));
        item.put(A_LOCALE, s(c.locale()));
        Attrs.putIfPresent(item, A_FOLLOW_CTA, c.followCta());
        item.put(A_DEFAULT_REMINDERS, strings(c.defaultReminders()));
        item.put(A_REPLAY_DAYS, n(c.replayDays()));
        item.put(A_CREATED_AT, instant(c.createdAt()));
        item.put(A_UPDATED_AT, instant(c.updatedAt()));
        item.put(Keys.VERSION, n(c.version()));
        return item;
    }

    static Creator toCreator(Map<String, AttributeValue> item) {
        return new Creator(str(item, A_ID), str(item, A_HANDLE), str(item, A_DISPLAY_NAME), str(item, A_TIME_ZONE),
                str(item, A_LOCALE), str(item, A_FOLLOW_CTA), strings(item, A_DEFAULT_REMINDERS),
                (int) num(item, A_REPLAY_DAYS, Creator.DEFAULT_REPLAY_DAYS), instant(item, A_CREATED_AT),
                instant(item, A_UPDATED_AT), num(item, Keys.VERSION, 0));
    }

    private static ApiKey toKey(Map<String, AttributeValue> item) {
        return new ApiKey(str(item, A_KEY_ID), str(item, A_NAME), str(item, A_PREFIX), instant(item, A_CREATED_AT), false);
    }

    private String table() {
        return config.table();
    }
}
