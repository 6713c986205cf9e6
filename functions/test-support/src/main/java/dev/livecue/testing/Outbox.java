package dev.livecue.testing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What a creator's partition holds, read straight from the table, for tests that check what was (not) written. */
public final class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Outbox() {
    }

    /** The {@code data} of the creator's events of {@code type}, as written. */
    public static List<JsonNode> events(DynamoDbClient dynamo, String table, String creatorId, String type) {
        return query(dynamo, table, creatorId, "EVENT#").stream()
                .filter(item -> type.equals(item.get("eventType").s()))
                .map(item -> {
                    try {
                        return JSON.readTree(item.get("data").s());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** How many of the creator's items have a sort key starting with {@code prefix}. */
    public static int items(DynamoDbClient dynamo, String table, String creatorId, String prefix) {
        return query(dynamo, table, creatorId, prefix).size();
    }

    private static List<Map<String, AttributeValue>> query(DynamoDbClient dynamo, String table, String creatorId, String prefix) {
        return dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CREATOR#" + creatorId), ":p", AttributeValue.fromS(prefix))))
                .items().stream().toList();
    }
}
