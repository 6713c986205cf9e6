package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Where each scheduled job got to in the due-work index ({@code JOB#<name> / CURSOR}): the next tick starts from
 * there, so minutes missed while the dispatcher was down are caught up. The cursor only moves forward, so a slow
 * tick finishing after a faster one cannot rewind it.
 */
@ApplicationScoped
public class TickCursorStore {

    private static final String A_MINUTE = "minute";

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    TickCursorStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    public Optional<Instant> get(String job) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table()).key(key(job)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(instant(item, A_MINUTE));
    }

    /** Moves the job's cursor to {@code minute}, unless another tick already moved it further. */
    public void advance(String job, Instant minute) {
        try {
            dynamo.updateItem(u -> u.tableName(config.table()).key(key(job))
                    .updateExpression("SET #m = :m, #t = :t")
                    .conditionExpression("attribute_not_exists(#m) OR #m < :m")
                    .expressionAttributeNames(Map.of("#m", A_MINUTE, "#t", Keys.TYPE))
                    .expressionAttributeValues(Map.of(":m", instant(minute), ":t", s("cursor"))));
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // another dispatcher finished a later minute first: its cursor stands
        }
    }

    private static Map<String, AttributeValue> key(String job) {
        return Attrs.key("JOB#" + job, "CURSOR");
    }
}
