package dev.livecue.sessions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Going live and reading a live back, against DynamoDB Local. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class SessionsApiTest {

    private static final Instant NOW = Instant.parse("2026-03-14T20:00:00Z");

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    CreatorService creators;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void start_shouldAnswerLiveSessionAndRaiseSessionStarted_whenBodyIsEmpty() throws Exception {
        // GIVEN
        clock.pin(NOW);
        TestCreator creator = newCreator();

        // WHEN
        String id = creator.request().body("{}").post("/v1/sessions")
                .then().statusCode(201)
                .body("id", startsWith("ses_"))
                .body("status", equalTo("live"))
                .body("scheduledStart", nullValue())
                .body("startedAt", equalTo(NOW.toString()))
                .body("delayMinutes", nullValue())
                .extract().path("id");

        // THEN it reads back, and exactly one session.started event carries it
        creator.request().get("/v1/sessions/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("live"))
                .body("startedAt", equalTo(NOW.toString()));
        List<JsonNode> started = events(creator.id(), "session.started");
        assertEquals(1, started.size());
        assertEquals(id, started.get(0).get("id").asText());
        assertEquals(NOW.toString(), started.get(0).get("startedAt").asText());
    }

    @Test
    void start_shouldKeepStartedAtAndOccurrenceId_whenSent() {
        clock.pin(NOW);
        TestCreator creator = newCreator();
        Instant earlier = NOW.minus(Duration.ofMinutes(7));

        creator.request().body(Map.of("occurrenceId", "occ_123", "startedAt", "2026-03-14T21:53:00+02:00"))
                .post("/v1/sessions")
                .then().statusCode(201).body("startedAt", equalTo(earlier.toString())).body("occurrenceId", equalTo("occ_123"));
    }

    @Test
    void start_shouldAcceptAnEmptyJsonBody() {
        TestCreator creator = newCreator();
        creator.request().post("/v1/sessions").then().statusCode(201).body("status", equalTo("live"));
    }

    @Test
    void start_shouldBe400AndStoreNothing_whenStartedAtIsBad() {
        // GIVEN
        clock.pin(NOW);
        TestCreator creator = newCreator();

        // WHEN / THEN
        creator.request().body(Map.of("startedAt", "yesterday")).post("/v1/sessions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("startedAt"));
        creator.request().body(Map.of("startedAt", NOW.plus(Duration.ofMinutes(30)).toString())).post("/v1/sessions")
                .then().statusCode(400).body("errors.field", hasItem("startedAt"));
        creator.request().body(Map.of("startedAt", NOW.minus(Duration.ofHours(13)).toString())).post("/v1/sessions")
                .then().statusCode(400).body("errors.field", hasItem("startedAt"));
        creator.request().body("{\"startedAt\": 12}").post("/v1/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("startedAt"));
        creator.request().body("{\"occurrenceId\": \"  \"}").post("/v1/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        assertEquals(0, items(creator.id(), "SESSION#"));
        assertEquals(0, events(creator.id(), "session.started").size());
    }

    @Test
    void get_shouldBe404_forAnotherCreatorsSessionAndUnknownIds() {
        TestCreator alice = newCreator();
        TestCreator bob = newCreator();
        String id = alice.request().body("{}").post("/v1/sessions").then().statusCode(201).extract().path("id");

        bob.request().get("/v1/sessions/" + id).then().statusCode(404).contentType("application/problem+json");
        alice.request().get("/v1/sessions/ses_nope").then().statusCode(404);
        alice.request().get("/v1/sessions/" + id).then().statusCode(200);
    }

    @Test
    void sessions_shouldBe401_withoutKey() {
        given().contentType("application/json").body("{}").post("/v1/sessions")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/v1/sessions/ses_x").then().statusCode(401);
    }

    private TestCreator newCreator() {
        return Api.newCreator(creators);
    }

    private int items(String creatorId, String prefix) {
        return dynamo.query(q -> q.tableName(config.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CREATOR#" + creatorId), ":p", AttributeValue.fromS(prefix))))
                .count();
    }

    private List<JsonNode> events(String creatorId, String type) {
        return dynamo.query(q -> q.tableName(config.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CREATOR#" + creatorId), ":p", AttributeValue.fromS("EVENT#"))))
                .items().stream()
                .filter(item -> type.equals(item.get("eventType").s()))
                .map(item -> {
                    try {
                        return json.readTree(item.get("data").s());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
