package dev.livecue.testing;

import java.util.Map;

import dev.livecue.core.store.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes the creator's answered {@code Idempotency-Key} requests look as a request that died after its write and
 * before its answer was stored leaves them (a crash, a Lambda timeout), once its lease lapsed: in progress, no
 * answer, so that the next request with the key runs again.
 */
public final class DiedAttempts {

    private DiedAttempts() {
    }

    public static int after(DynamoDbClient dynamo, String table, String creatorId) {
        String scope = "CREATOR#" + creatorId;
        var keys = dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(scope), ":prefix",
                        AttributeValue.fromS(Keys.IDEMPOTENCY_PREFIX)))).items();
        keys.forEach(item -> dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)))
                .updateExpression("SET #state = :inProgress, #lease = :lapsed REMOVE #status, #body, #type, #location")
                .expressionAttributeNames(Map.of("#state", "state", "#lease", "leaseUntil", "#status", "status",
                        "#body", "body", "#type", "mediaType", "#location", "location"))
                .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS("IN_PROGRESS"),
                        ":lapsed", AttributeValue.fromN("0")))));
        return keys.size();
    }
}
