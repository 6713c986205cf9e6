package dev.livecue.sessions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceService;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.schedule.ScheduleService;
import dev.livecue.core.session.PlannedLives;
import dev.livecue.core.store.ScheduleStore;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.DiedAttempts;
import dev.livecue.testing.Outbox;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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

    @Inject
    OccurrenceService occurrences;

    @Inject
    PlannedLives planned;

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
        TestCreator creator = newCreator();
        String occurrenceId = plannedAt(creator, "15:45");
        Instant earlier = NOW.minus(Duration.ofMinutes(7));

        // WHEN it goes live, reported 7 minutes late by a phone in UTC+2
        creator.request().body(Map.of("occurrenceId", occurrenceId, "startedAt", "2026-03-14T21:53:00+02:00"))
                .post("/v1/sessions")
                .then().statusCode(201).body("startedAt", equalTo(earlier.toString())).body("occurrenceId", equalTo(occurrenceId))
                .body("scheduledStart", equalTo("2026-03-14T19:45:00Z")).body("delayMinutes", equalTo(8))
                .body("title", equalTo("Q&A"));
    }

    @Test
    void start_shouldAnswerWithTheSessionOfAnAttemptThatDiedBeforeItsAnswerWasStored() {
        // GIVEN a planned live started with a key and no startedAt (the server's time is its start)
        TestCreator creator = newCreator();
        String occurrenceId = plannedAt(creator, "15:45");
        String id = creator.request().header("Idempotency-Key", "go-live-1").body(Map.of("occurrenceId", occurrenceId))
                .post("/v1/sessions").then().statusCode(201).extract().path("id");

        // WHEN its answer was lost to a crash, and the phone retries half a minute later with the same key
        assertEquals(1, DiedAttempts.after(dynamo, config.table(), creator.id()));
        clock.pin(NOW.plusSeconds(30));

        // THEN the retry answers with that session, as it started (before: 409, its planned live being live "in another
        // session"), and one session.started was raised
        creator.request().header("Idempotency-Key", "go-live-1").body(Map.of("occurrenceId", occurrenceId))
                .post("/v1/sessions").then().statusCode(201).body("id", equalTo(id)).body("startedAt", equalTo(NOW.toString()))
                .body("status", equalTo("live"));
        creator.request().get("/v1/sessions").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        assertEquals(1, Outbox.events(dynamo, config.table(), creator.id(), "session.started").size());
    }

    @Test
    void start_shouldBe409_whenThePlannedLiveIsLiveInAnotherSession_evenWhenBothArriveAtOnce() throws Exception {
        TestCreator creator = newCreator();
        String occurrenceId = plannedAt(creator, "15:45");

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
    void start_andCancelOfItsPlannedLiveAtOnce_shouldNeverBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                // GIVEN a live planned 15 minutes ahead
                TestCreator creator = newCreator();
                String occurrenceId = plannedAt(creator, "16:15");
                String scheduleId = occurrenceId.substring(0, occurrenceId.indexOf('.'));

                // WHEN the phone starts it while another device skips it
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Integer> start = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return creator.request().body(Map.of("occurrenceId", occurrenceId)).post("/v1/sessions").statusCode();
                });
                Future<String> cancel = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    try {
                        return occurrences.cancel(creator.id(), scheduleId, occurrenceId).status().json();
                    } catch (ApiException e) {
                        return String.valueOf(e.type().status());
                    }
                });
                int started = start.get(30, TimeUnit.SECONDS);
                String cancelled = cancel.get(30, TimeUnit.SECONDS);

                // THEN at most one of them did it, and what is stored is what the winner answered
                String status = planned.find(creator.id(), occurrenceId).orElseThrow().status().json();
                String outcome = "round " + round + ": start " + started + ", cancel " + cancelled + ", stored " + status;
                assertFalse(started == 201 && cancelled.equals("cancelled"), outcome);
                assertEquals(started == 201 ? "live" : cancelled.equals("cancelled") ? "cancelled" : "scheduled", status, outcome);
                assertEquals(started == 201 ? 1 : 0, items(creator.id(), "SESSION#"), outcome);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void start_shouldChangeNothing_whenItsPlannedLiveWasCancelledAfterItWasRead() {
        // GIVEN a planned live read by a starting session, then cancelled from another device
        TestCreator creator = newCreator();
        String occurrenceId = plannedAt(creator, "16:15");
        Occurrence read = planned.find(creator.id(), occurrenceId).orElseThrow();
        occurrences.cancel(creator.id(), read.scheduleId(), occurrenceId);

        // WHEN the session's write goes in with what it read THEN it is refused, and the live stays cancelled
        TransactWriteItem live = planned.liveWrite(creator.id(), read, NOW).orElseThrow();
        assertThrows(TransactionCanceledException.class, () -> dynamo.transactWriteItems(t -> t.transactItems(live)));
        assertEquals(OccurrenceStatus.CANCELLED, planned.find(creator.id(), occurrenceId).orElseThrow().status());
    }

    @Test
    void missedSweep_shouldNotOverwriteALiveThatStartedAfterItJudged() {
        // GIVEN a planned live the missed-live sweep has just judged (still scheduled), then started late
        TestCreator creator = newCreator();
        String occurrenceId = plannedAt(creator, "16:15");
        Occurrence judged = planned.find(creator.id(), occurrenceId).orElseThrow();
        creator.request().body(Map.of("occurrenceId", occurrenceId)).post("/v1/sessions").then().statusCode(201);

        // WHEN the sweep records what it judged THEN it is refused, and the live stays live
        assertThrows(ScheduleStore.ConcurrentUpdateException.class,
                () -> planned.setStatus(creator.id(), judged, OccurrenceStatus.MISSED, NOW));
        assertEquals(OccurrenceStatus.LIVE, planned.find(creator.id(), occurrenceId).orElseThrow().status());
    }

    /**
     * A "Q&A" live planned the day before for {@code newYorkTime} on NOW's day (16:00 New York is NOW); the clock is
     * at NOW.
     */
    private String plannedAt(TestCreator creator, String newYorkTime) {
        clock.pin(NOW.minus(Duration.ofDays(1)));
        String occurrenceId = Lives.plan(schedules, creator.id(), "2026-03-14T" + newYorkTime, "America/New_York", null, "Q&A");
        clock.pin(NOW);
        return occurrenceId;
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
