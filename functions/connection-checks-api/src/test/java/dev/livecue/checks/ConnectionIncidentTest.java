package dev.livecue.checks;

import static dev.livecue.checks.CheckFixtures.ideal;
import static dev.livecue.checks.CheckFixtures.poor;
import static dev.livecue.checks.CheckFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.connection.NetworkType;
import dev.livecue.core.connection.Step;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * During a live, sustained poor checks (3 in a row within 2 minutes by default) open an incident and raise
 * {@code connection.degraded} once; 2 good checks in a row close it.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ConnectionIncidentTest {

    private static final Instant T0 = Instant.parse("2026-06-05T20:00:00Z");
    private static final String DEGRADED = "connection.degraded";

    @Inject
    CheckFixtures fixtures;

    @Inject
    TestClock clock;

    private TestCreator creator;
    private String live;

    @BeforeEach
    void setUp() {
        clock.pin(T0.plus(Duration.ofMinutes(10))); // every check below is measured in the last ten minutes
        creator = fixtures.creator();
        live = fixtures.live(creator);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void incident_shouldOpenOnThirdPoorCheckWithinTwoMinutes_raiseOneEvent_andCloseAfterTwoGoodChecks() {
        // GIVEN two poor checks: poor, but no incident yet
        check(poor(), 0).then().body("verdict", equalTo("poor")).body("recommendation", equalTo("wait_and_retry"))
                .body("incidentId", nullValue());
        check(poor(), 50).then().body("recommendation", equalTo("wait_and_retry"));
        assertEquals(0, fixtures.events(creator.id(), DEGRADED).size());

        // WHEN the third poor check comes within two minutes of the first
        ExtractableResponse<Response> third = check(poor(), 110).then().statusCode(201)
                .body("recommendation", equalTo("end_and_reschedule"))
                .body("steps", hasItem(Step.END_AND_RESCHEDULE.text(NetworkType.WIFI)))
                .body("steps", not(hasItem(Step.TRY_LATER.text(NetworkType.WIFI))))
                .extract();
        String incidentId = third.path("incidentId");

        // THEN one connection.degraded event tells what happened and what to do
        List<JsonNode> events = fixtures.events(creator.id(), DEGRADED);
        assertEquals(1, events.size());
        JsonNode data = events.get(0);
        assertEquals(live, data.get("sessionId").asText());
        assertEquals(incidentId, data.get("incidentId").asText());
        assertEquals(T0.toString(), data.get("incidentStartedAt").asText());
        assertEquals("end_and_reschedule", data.get("recommendation").asText());
        assertEquals("uploadMbps", data.get("findings").get(0).get("metric").asText());
        assertEquals(third.jsonPath().getList("steps"), json(data.get("steps")));

        // and more poor checks, and a first good one, keep the incident without raising it again; the good one is
        // advised as what it is (a connection coming back is no reason to end the live), and told to hold on
        check(poor(), 130).then().body("incidentId", equalTo(incidentId)).body("recommendation", equalTo("end_and_reschedule"));
        check(ideal(), 150).then().body("verdict", equalTo("excellent")).body("incidentId", equalTo(incidentId))
                .body("recommendation", equalTo("go_live"))
                .body("steps", equalTo(List.of(Step.KEEP_WATCHING.text(NetworkType.WIFI))));
        // WHEN the second good check in a row comes THEN the incident is over
        check(ideal(), 160).then().body("incidentId", nullValue()).body("recommendation", equalTo("go_live"));
        assertEquals(1, fixtures.events(creator.id(), DEGRADED).size());

        // and the report shows it, from the first poor check to the first good one
        creator.request().get("/v1/sessions/" + live + "/connection-report").then().statusCode(200)
                .body("checks", equalTo(6))
                .body("incidents", hasSize(1))
                .body("incidents[0].id", equalTo(incidentId))
                .body("incidents[0].startedAt", equalTo(T0.toString()))
                .body("incidents[0].endedAt", equalTo(T0.plusSeconds(150).toString()))
                .body("verdicts.poor", equalTo(4))
                .body("verdicts.excellent", equalTo(2))
                .body("verdict", equalTo("poor"));
    }

    @Test
    void incident_shouldNotOpen_whenPoorChecksAreSpreadOverMoreThanTheWindow_butOpenOnceThreeFitIn() {
        check(poor(), 0);
        check(poor(), 61);
        check(poor(), 122).then().body("incidentId", nullValue()); // the three span 122 s
        assertEquals(0, fixtures.events(creator.id(), DEGRADED).size());

        check(poor(), 150).then().body("recommendation", equalTo("end_and_reschedule")); // the last three span 89 s
        List<JsonNode> events = fixtures.events(creator.id(), DEGRADED);
        assertEquals(1, events.size());
        assertEquals(T0.plusSeconds(61).toString(), events.get(0).get("incidentStartedAt").asText());
    }

    @Test
    void incident_shouldNotOpen_whenAStreakIsBrokenByABetterCheck() {
        check(poor(), 0);
        check(poor(), 10);
        check(with(ideal(), "rttMs", 200), 20).then().body("verdict", equalTo("good"));
        check(poor(), 30);
        check(poor(), 40).then().body("incidentId", nullValue());
        assertEquals(0, fixtures.events(creator.id(), DEGRADED).size());
    }

    @Test
    void incident_shouldStayOpen_whenRecoveryIsInterruptedByAFairCheck() {
        openIncident();
        check(ideal(), 200);
        check(with(with(ideal(), "uploadMbps", 4.0), "rttMs", 200), 210).then().body("verdict", equalTo("fair"))
                .body("recommendation", equalTo("end_and_reschedule"));
        check(ideal(), 220).then().body("recommendation", equalTo("go_live")).body("incidentId", notNullValue());
        check(ideal(), 230).then().body("recommendation", equalTo("go_live"));
        creator.request().get("/v1/sessions/" + live + "/connection-report").then()
                .body("incidents[0].endedAt", equalTo(T0.plusSeconds(220).toString()));
    }

    @Test
    void incident_shouldStayOpen_whenGoodChecksArriveThatWereMeasuredBeforeItBegan() {
        openIncident();
        // a phone sending checks late: these were measured before the first poor one
        check(ideal(), 50);
        check(ideal(), 60).then().body("recommendation", equalTo("end_and_reschedule"))
                .body("steps", hasItem(Step.END_AND_RESCHEDULE.text(NetworkType.WIFI)));
        creator.request().get("/v1/sessions/" + live + "/connection-report").then()
                .body("incidents[0].endedAt", nullValue());
        // while checks measured after it began do close it, at the first of them
        check(ideal(), 200);
        check(ideal(), 210).then().body("recommendation", equalTo("go_live"));
        creator.request().get("/v1/sessions/" + live + "/connection-report").then()
                .body("incidents[0].startedAt", equalTo(T0.plusSeconds(100).toString()))
                .body("incidents[0].endedAt", equalTo(T0.plusSeconds(200).toString()));
    }

    @Test
    void incident_shouldRaiseOneEventPerIncident_whenTheConnectionDegradesAgain() {
        openIncident();
        check(ideal(), 200);
        check(ideal(), 210);
        check(poor(), 300);
        check(poor(), 310);
        check(poor(), 320).then().body("recommendation", equalTo("end_and_reschedule"));
        assertEquals(2, fixtures.events(creator.id(), DEGRADED).size());
        creator.request().get("/v1/sessions/" + live + "/connection-report").then()
                .body("incidents", hasSize(2)).body("incidents[1].endedAt", nullValue());
    }

    @Test
    void checksOutsideALive_shouldNeverOpenAnIncident() {
        for (int i = 0; i < 5; i++) {
            creator.request().body(with(poor(), "measuredAt", T0.plusSeconds(i).toString())).post("/v1/connection-checks")
                    .then().statusCode(201).body("recommendation", equalTo("wait_and_retry"));
        }
        assertEquals(0, fixtures.events(creator.id(), DEGRADED).size());
    }

    @Test
    void checksMeasuredBeforeTheLiveStarted_shouldBeRefused_andOpenNoIncident() {
        // GIVEN a live that started just now
        String justStarted = fixtures.liveStartedNow(creator);

        // WHEN three poor checks measured ten minutes earlier are posted to it
        for (int i = 0; i < 3; i++) {
            creator.request().body(with(with(poor(), "sessionId", justStarted), "measuredAt", T0.plusSeconds(i * 10L).toString()))
                    .post("/v1/connection-checks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("measuredAt")).body("errors[0].message", containsString("before the live started"));
        }

        // THEN no incident opened and no alert went out
        assertEquals(0, fixtures.events(creator.id(), DEGRADED).size());
    }

    @Test
    void concurrentPoorChecksAtTheIncidentBoundary_shouldRaiseExactlyOneEvent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                // GIVEN a live with two poor checks: the next one opens the incident
                String session = fixtures.live(creator);
                check(session, poor(), 0);
                check(session, poor(), 10);

                // WHEN four poor checks arrive at the same moment
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> posts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int second = 20 + i;
                    posts.add(pool.submit(() -> {
                        start.await();
                        return check(session, poor(), second).statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> post : posts) {
                    assertEquals(201, post.get(30, TimeUnit.SECONDS));
                }

                // THEN every check is stored, one incident is open, and it was raised once
                creator.request().get("/v1/sessions/" + session + "/connection-report").then()
                        .body("checks", equalTo(6)).body("incidents", hasSize(1));
                long raised = fixtures.events(creator.id(), DEGRADED).stream()
                        .filter(e -> session.equals(e.get("sessionId").asText())).count();
                assertEquals(1, raised, "connection.degraded events for " + session);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private void openIncident() {
        check(poor(), 100);
        check(poor(), 110);
        check(poor(), 120).then().body("recommendation", equalTo("end_and_reschedule"));
    }

    private Response check(Map<String, Object> body, int secondsAfterT0) {
        return check(live, body, secondsAfterT0);
    }

    private Response check(String session, Map<String, Object> body, int secondsAfterT0) {
        Response response = creator.request()
                .body(with(with(body, "sessionId", session), "measuredAt", T0.plusSeconds(secondsAfterT0).toString()))
                .post("/v1/connection-checks");
        response.then().statusCode(201);
        return response;
    }

    private static List<String> json(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
