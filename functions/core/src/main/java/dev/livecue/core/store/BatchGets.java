package dev.livecue.core.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Consistent BatchGetItem reads of the table: many items in one round trip instead of one GetItem each, in calls of
 * at most {@link #MAX_KEYS}, with the keys DynamoDB hands back unprocessed asked again.
 */
@ApplicationScoped
class BatchGets {

    private static final int MAX_KEYS = DynamoLimits.BATCH_GET_KEYS;
    private static final int MAX_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    BatchGets(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** The items found for {@code keys}, by {@link #id}; a key with no item has no entry. */
    Map<String, Map<String, AttributeValue>> get(Collection<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        List<Map<String, AttributeValue>> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += MAX_KEYS) {
            Map<String, KeysAndAttributes> request = Map.of(config.table(), KeysAndAttributes.builder()
                    .keys(all.subList(from, Math.min(all.size(), from + MAX_KEYS))).consistentRead(true).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt > MAX_RETRIES) {
                    throw new IllegalStateException("DynamoDB left keys unread after " + MAX_RETRIES + " retries");
                }
                backOff(attempt);
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
                response.responses().getOrDefault(config.table(), List.of()).forEach(item -> items.put(id(item), item));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    /** One string per table key, to find an item by the key it was asked with. */
    static String id(Map<String, AttributeValue> keyOrItem) {
        return keyOrItem.get(Keys.PK).s() + "\u0000" + keyOrItem.get(Keys.SK).s();
    }

    /** DynamoDB hands back keys it had no capacity for: ask again after a growing pause, as its SDK advises. */
    private static void backOff(int attempt) {
        if (attempt > 0) {
            Pause.sleep(Duration.ofMillis(25L << Math.min(attempt, 6)), "reading from DynamoDB");
        }
    }
}
