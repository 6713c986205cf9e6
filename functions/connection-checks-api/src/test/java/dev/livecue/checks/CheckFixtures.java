package dev.livecue.checks;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.session.NewSession;
import dev.livecue.core.session.SessionService;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the connection-check tests share: creators and lives made through the services (this function serves
 * neither), check bodies, and the creator's event outbox read straight from the table.
 */
@ApplicationScoped
public class CheckFixtures {

    @Inject
    CreatorService creators;

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @Inject
    ObjectMapper json;

    public TestCreator creator() {
        return Api.newCreator(creators);
    }

    /**
     * Starts a live for {@code creator}, reported as started an hour ago (by the application's clock), and returns
     * its id: the tests' checks are measured in the minutes before now, and a check from before its live is refused.
     */
    public String live(TestCreator creator) {
        return sessions.start(creator.id(), new NewSession(null, clock.instant().minus(Duration.ofHours(1)).toString())).id();
    }

    /** Starts a live for {@code creator} now and returns its id. */
    public String liveStartedNow(TestCreator creator) {
        return sessions.start(creator.id(), new NewSession(null, null)).id();
    }

    /** A check with every metric at its ideal: excellent on its own. */
    public static Map<String, Object> ideal() {
        Map<String, Object> body = new HashMap<>();
        body.put("networkType", "wifi");
        body.put("uploadMbps", 10.0);
        body.put("downloadMbps", 30.0);
        body.put("rttMs", 40);
        body.put("jitterMs", 5);
        body.put("packetLossPct", 0.0);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** A check that is poor (0.5 Mbps upload). */
    public static Map<String, Object> poor() {
        return with(ideal(), "uploadMbps", 0.5);
    }

    /** The data of every event of {@code type} in the creator's outbox. */
    public List<JsonNode> events(String creatorId, String type) {
        return dynamo.queryPaginator(q -> q.tableName(config.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CREATOR#" + creatorId),
                        ":p", AttributeValue.fromS("EVENT#"))))
                .items().stream()
                .filter(item -> type.equals(item.get("eventType").s()))
                .map(item -> read(item.get("data").s()))
                .toList();
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
