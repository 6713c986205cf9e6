package dev.livecue.sessions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.schedule.ScheduleService;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.Outbox;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
    CreatorService creators;

    @Inject
    ScheduleService schedules;

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
        // GIVEN a live planned at 19:45 UTC, 15 minutes before NOW
        clock.pin(NOW.minus(Duration.ofDays(1)));
        TestCreator creator = newCreator();
        String occurrenceId = Lives.plan(schedules, creator.id(), "2026-03-14T15:45", "America/New_York", null, "Q&A");
        clock.pin(NOW);
        Instant earlier = NOW.minus(Duration.ofMinutes(7));

        // WHEN it goes live, reported 7 minutes late by a phone in UTC+2
        creator.request().body(Map.of("occurrenceId", occurrenceId, "startedAt", "2026-03-14T21:53:00+02:00"))
                .post("/v1/sessions")
                .then().statusCode(201).body("startedAt", equalTo(earlier.toString())).body("occurrenceId", equalTo(occurrenceId))
                .body("scheduledStart", equalTo("2026-03-14T19:45:00Z")).body("delayMinutes", equalTo(8))
                .body("title", equalTo("Q&A"));
    }

    @Test
    void start_shouldBe409_whenThePlannedLiveIsLiveInAnotherSession_evenWhenBothArriveAtOnce() throws Exception {
        clock.pin(NOW.minus(Duration.ofDays(1)));
        TestCreator creator = newCreator();
        String occurrenceId = Lives.plan(schedules, creator.id(), "2026-03-14T15:45", "America/New_York", null, "Q&A");
        clock.pin(NOW);

        // WHEN two phones start the same planned live at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(pool.submit(() -> creator.request().body(Map.of("occurrenceId", occurrenceId))
                        .post("/v1/sessions").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> start : starts) {
                statuses.add(start.get());
            }

            // THEN one is live and the other a 409, and so is a third start while the first is live
            assertEquals(List.of(201, 409), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        creator.request().body(Map.of("occurrenceId", occurrenceId)).post("/v1/sessions")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, items(creator.id(), "SESSION#"));
    }

    @Test
    void start_shouldBe400_whenOccurrenceIsUnknownOrAnotherCreators() {
        clock.pin(NOW.minus(Duration.ofDays(1)));
        TestCreator alice = newCreator();
        TestCreator bob = newCreator();
        String alicesLive = Lives.plan(schedules, alice.id(), "2026-03-14T15:45", "America/New_York", null, "Q&A");
        clock.pin(NOW);

        bob.request().body(Map.of("occurrenceId", alicesLive)).post("/v1/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        bob.request().body(Map.of("occurrenceId", "occ_123")).post("/v1/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        assertEquals(0, items(bob.id(), "SESSION#"));
    }

    @Test
    void start_shouldBe400_whenThePlannedLiveIsMoreThanADayAhead() {
        // GIVEN a live planned two weeks ahead and one this evening (NOW is 20:00 UTC; 15:00 New York tomorrow is 23 hours away)
        clock.pin(NOW.minus(Duration.ofDays(1)));
        TestCreator creator = newCreator();
        String nextWeeks = Lives.plan(schedules, creator.id(), "2026-03-28T15:45", "America/New_York", null, "Later");
        String tomorrows = Lives.plan(schedules, creator.id(), "2026-03-15T15:00", "America/New_York", null, "Soon");
        clock.pin(NOW);

        // WHEN the phone starts the one two weeks ahead THEN it is refused, naming the field, and nothing is stored
        creator.request().body(Map.of("occurrenceId", nextWeeks)).post("/v1/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("occurrenceId")).body("errors[0].message", containsString("24 hours before"));
        assertEquals(0, items(creator.id(), "SESSION#"));

        // AND the one less than a day ahead starts, early
        creator.request().body(Map.of("occurrenceId", tomorrows)).post("/v1/sessions")
                .then().statusCode(201).body("occurrenceId", equalTo(tomorrows)).body("delayMinutes", lessThan(0));
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
        return Outbox.items(dynamo, config.table(), creatorId, prefix);
    }

    private List<JsonNode> events(String creatorId, String type) {
        return Outbox.events(dynamo, config.table(), creatorId, type);
    }
}
