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
    private static final String A_FIRST_ATTEMPT = "firstAttempt";
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
     * Takes the key for this request, as its first attempt. Empty when taken; otherwise what an earlier request
     * left: a completed response, or one in progress (whose lease {@link #takeOver} may take once it lapsed). An
     * expired record is replaced.
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
        item.put(A_FIRST_ATTEMPT, n(now.toEpochMilli()));
        item.put(Keys.EXPIRES_AT, n(expiresAt.getEpochSecond()));
        try {
            dynamo.putItem(p -> p.tableName(config.table()).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #exp < :now")
                    .expressionAttributeNames(Map.of("#exp", Keys.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            StoredResponse response = COMPLETED.equals(str(old, A_STATE))
                    ? new StoredResponse((int) num(old, A_STATUS, 200), str(old, A_BODY), str(old, A_MEDIA_TYPE), str(old, A_LOCATION))
                    : null;
            return Optional.of(new IdempotencyRecord(str(old, A_BODY_HASH), response,
                    Instant.ofEpochSecond(num(old, A_LEASE_UNTIL, now.getEpochSecond())),
                    old.containsKey(A_FIRST_ATTEMPT) ? Instant.ofEpochMilli(num(old, A_FIRST_ATTEMPT, 0)) : null));
        }
    }

    /**
     * Takes over the key of a request that died before it answered (its lease, {@code seenLease}, lapsed before
     * {@code now}), keeping when the first attempt began (now, for a record older than that attribute) and when the
     * key expires, so retries cannot keep it past its first day; false when another retry took it first.
     */
    public boolean takeOver(String scope, String keyHash, Instant seenLease, Instant now, Instant leaseUntil) {
        try {
            dynamo.updateItem(u -> u.tableName(config.table()).key(Attrs.key(scope, Keys.IDEMPOTENCY_PREFIX + keyHash))
                    .updateExpression("SET #lease = :lease, #first = if_not_exists(#first, :nowMillis)")
                    .conditionExpression("#state = :inProgress AND #lease = :seen AND #lease < :now")
                    .expressionAttributeNames(Map.of("#state", A_STATE, "#lease", A_LEASE_UNTIL, "#first", A_FIRST_ATTEMPT))
                    .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS), ":seen", n(seenLease.getEpochSecond()),
                            ":now", n(now.getEpochSecond()), ":lease", n(leaseUntil.getEpochSecond()),
                            ":nowMillis", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public void complete(String scope, String keyHash, String bodyHash, Instant firstAttempt, StoredResponse response,
            Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(scope));
        item.put(Keys.SK, s(Keys.IDEMPOTENCY_PREFIX + keyHash));
        item.put(Keys.TYPE, s("idempotency"));
        item.put(A_STATE, s(COMPLETED));
        item.put(A_BODY_HASH, s(bodyHash));
        item.put(A_FIRST_ATTEMPT, n(firstAttempt.toEpochMilli()));
        item.put(A_STATUS, n(response.status()));
        Attrs.putIfPresent(item, A_BODY, response.body());
        Attrs.putIfPresent(item, A_MEDIA_TYPE, response.mediaType());
        Attrs.putIfPresent(item, A_LOCATION, response.location());
        item.put(Keys.EXPIRES_AT, n(expiresAt.getEpochSecond()));
        dynamo.putItem(p -> p.tableName(config.table()).item(item));
    }

    /**
     * Lets a retry run the request again at once (after a 5xx): the lease lapses, and the record stays, so that the
     * retry is the same request's next attempt (it may have written before it failed) and a new body is still a 422.
     */
    public void release(String scope, String keyHash) {
        try {
            dynamo.updateItem(u -> u.tableName(config.table()).key(Attrs.key(scope, Keys.IDEMPOTENCY_PREFIX + keyHash))
                    .updateExpression("SET #lease = :lapsed").conditionExpression("#state = :inProgress")
                    .expressionAttributeNames(Map.of("#lease", A_LEASE_UNTIL, "#state", A_STATE))
                    .expressionAttributeValues(Map.of(":lapsed", n(0), ":inProgress", s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException gone) {
            // nothing held any more (the record expired meanwhile): a retry runs again anyway
        }
    }
}
