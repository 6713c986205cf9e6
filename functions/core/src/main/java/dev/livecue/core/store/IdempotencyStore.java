package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.num;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.idempotency.IdempotencyRecord;
import dev.livecue.core.idempotency.StoredResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency keys under the caller's partition. A key is first taken with a lease (a conditional put), then
 * completed with the response; both carry a TTL so DynamoDB forgets them.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final String A_STATE = "state";
    private static final String A_BODY_HASH = "bodyHash";
    private static final String A_LEASE_UNTIL = "leaseUntil";
    private static final String A_STATUS = "status";
    private static final String A_BODY = "body";
    private static final String A_MEDIA_TYPE = "mediaType";
    private static final String A_LOCATION = "location";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    /**
     * Takes the key for this request. Empty when taken; otherwise what an earlier request left: a completed
     * response, or one still in progress. An expired record, or a lapsed lease of a request that died, is taken over.
     */
    public Optional<IdempotencyRecord> begin(String scope, String keyHash, String bodyHash, Instant now,
            Instant leaseUntil, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(scope));
        item.put(Keys.SK, s(Keys.IDEMPOTENCY_PREFIX + keyHash));
        item.put(Keys.TYPE, s("idempotency"));
        item.put(A_STATE, s(IN_PROGRESS));
        item.put(A_BODY_HASH, s(bodyHash));
        item.put(A_LEASE_UNTIL, n(leaseUntil.getEpochSecond()));
        item.put(Keys.EXPIRES_AT, n(expiresAt.getEpochSecond()));
        try {
            dynamo.putItem(p -> p.tableName(config.table()).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #exp < :now OR (#state = :inProgress AND #lease < :now)")
                    .expressionAttributeNames(Map.of("#exp", Keys.EXPIRES_AT, "#state", A_STATE, "#lease", A_LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()), ":inProgress", s(IN_PROGRESS)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            StoredResponse response = COMPLETED.equals(str(old, A_STATE))
                    ? new StoredResponse((int) num(old, A_STATUS, 200), str(old, A_BODY), str(old, A_MEDIA_TYPE), str(old, A_LOCATION))
                    : null;
            return Optional.of(new IdempotencyRecord(str(old, A_BODY_HASH), response,
                    Instant.ofEpochSecond(num(old, A_LEASE_UNTIL, now.getEpochSecond()))));
        }
    }

    public void complete(String scope, String keyHash, String bodyHash, StoredResponse response, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(scope));
        item.put(Keys.SK, s(Keys.IDEMPOTENCY_PREFIX + keyHash));
        item.put(Keys.TYPE, s("idempotency"));
        item.put(A_STATE, s(COMPLETED));
        item.put(A_BODY_HASH, s(bodyHash));
        item.put(A_STATUS, n(response.status()));
        Attrs.putIfPresent(item, A_BODY, response.body());
        Attrs.putIfPresent(item, A_MEDIA_TYPE, response.mediaType());
        Attrs.putIfPresent(item, A_LOCATION, response.location());
        item.put(Keys.EXPIRES_AT, n(expiresAt.getEpochSecond()));
        dynamo.putItem(p -> p.tableName(config.table()).item(item));
    }

    /** Forgets the key, so that a retry runs again (after a 5xx). */
    public void release(String scope, String keyHash) {
        dynamo.deleteItem(d -> d.tableName(config.table()).key(Attrs.key(scope, Keys.IDEMPOTENCY_PREFIX + keyHash)));
    }
}
