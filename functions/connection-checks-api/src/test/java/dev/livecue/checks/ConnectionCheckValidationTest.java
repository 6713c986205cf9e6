package dev.livecue.checks;

import static dev.livecue.checks.CheckFixtures.ideal;
import static dev.livecue.checks.CheckFixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStatus;
import dev.livecue.core.store.SessionStore;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.DiedAttempts;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Bad input is a problem+json 4xx naming the field, and nothing is stored: neither in the list nor in a report. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ConnectionCheckValidationTest {

    private static final Instant NOW = Instant.parse("2026-05-02T18:00:00Z");

    @Inject
    CheckFixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    SessionStore sessionStore;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    private TestCreator creator;
    private String live;

    @BeforeEach
    void setUp() {
        clock.pin(NOW);
        creator = fixtures.creator();
        live = fixtures.live(creator);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void post_shouldBe400NamingTheField_andStoreNothing_forEachBadValue() {
        List<Object[]> cases = List.of(
                new Object[] {"uploadMbps", -1.0},
                new Object[] {"downloadMbps", -0.01},
                new Object[] {"rttMs", -5},
                new Object[] {"jitterMs", -1},
                new Object[] {"packetLossPct", -0.1},
                new Object[] {"packetLossPct", 100.5},
                new Object[] {"uploadMbps", "NaN"},
                new Object[] {"rttMs", "Infinity"},
                new Object[] {"jitterMs", "-Infinity"},
                new Object[] {"uploadMbps", "4.2"},
                new Object[] {"uploadMbps", "fast"},
                new Object[] {"uploadMbps", true},
                new Object[] {"uploadMbps", 1e300 * 10},
                new Object[] {"networkType", "5g"},
                new Object[] {"networkType", "WIFI"},
                new Object[] {"networkType", 3},
                new Object[] {"measuredAt", NOW.plus(Duration.ofMinutes(6)).toString()},
                new Object[] {"measuredAt", NOW.plus(Duration.ofDays(365)).toString()},
                new Object[] {"measuredAt", NOW.minus(Duration.ofHours(25)).toString()},
                new Object[] {"measuredAt", "2026-05-02 18:00"},
                new Object[] {"sessionId", " "},
                new Object[] {"uploadMbps", null});
        for (Object[] c : cases) {
            for (String sessionId : new String[] {null, live}) {
                Map<String, Object> body = with(ideal(), (String) c[0], c[1]);
                if (sessionId != null && !"sessionId".equals(c[0])) {
                    body.put("sessionId", sessionId);
                }
                creator.request().body(body).post("/v1/connection-checks")
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400))
                        .body("errors.field", hasItem(c[0]));
            }
        }
        assertNothingStored();
    }

    @Test
    void post_shouldCatchNaNAndInfinityStrings_whichJsonParsingLetsThroughAsNumbers() {
        // Jackson turns the strings "NaN" and "Infinity" into doubles even with coercion off: the service's own
        // range check is what refuses them, so the message is the range rule, not a type error
        creator.request().body(with(ideal(), "uploadMbps", "NaN")).post("/v1/connection-checks")
                .then().statusCode(400).body("errors[0].field", equalTo("uploadMbps"))
                .body("errors[0].message", equalTo("must be a number from 0 to 100000"));
        creator.request().body(with(ideal(), "rttMs", "Infinity")).post("/v1/connection-checks")
                .then().statusCode(400).body("errors[0].message", equalTo("must be a number from 0 to 600000"));
        assertNothingStored();
    }

    @Test
    void post_shouldRecordACheckOnce_whenRetriedAfterAnAttemptThatDiedBeforeItsAnswerWasStored() {
        // GIVEN a poor check of the live, sent with a key and no measuredAt (the server's time is its time)
        Map<String, Object> poor = with(with(ideal(), "uploadMbps", 0.5), "sessionId", live);
        String id = creator.request().header("Idempotency-Key", "check-1").body(poor).post("/v1/connection-checks")
                .then().statusCode(201).body("measuredAt", equalTo(NOW.toString())).extract().path("id");

        // WHEN its answer was lost to a crash, and the phone retries 40 seconds later with the same key
        assertEquals(1, DiedAttempts.after(dynamo, config.table(), creator.id()));
        clock.pin(NOW.plusSeconds(40));

        // THEN the retry answers with the check the first attempt recorded, at the first attempt's time, and the live
        // has one check (before, a second poor check counted toward an incident the connection never had)
        creator.request().header("Idempotency-Key", "check-1").body(poor).post("/v1/connection-checks").then()
                .statusCode(201).body("id", equalTo(id)).body("measuredAt", equalTo(NOW.toString()));
        creator.request().get("/v1/connection-checks").then().statusCode(200).body("items", hasSize(1));
        creator.request().get("/v1/sessions/" + live + "/connection-report").then().statusCode(200).body("checks", equalTo(1));
    }

    @Test
    void post_shouldKeepMeasurementsToThreeDecimals_evenOnesDynamoDbCannotStore() {
        // 1e-200 is a number from 0 to the maximum, but DynamoDB refuses numbers below 1E-130 (it answered 500)
        creator.request().body(with(with(with(ideal(), "uploadMbps", 1e-200), "rttMs", 5e-324), "jitterMs", 2.34567))
                .post("/v1/connection-checks").then().statusCode(201)
                .body("uploadMbps", equalTo(0.0f)).body("rttMs", equalTo(0.0f)).body("jitterMs", equalTo(2.346f));
        creator.request().get("/v1/connection-checks").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].uploadMbps", equalTo(0.0f)).body("items[0].jitterMs", equalTo(2.346f));
    }

    @Test
    void post_shouldBe400_forUnknownFieldsMissingFieldsAndBadJson() {
        creator.request().body(with(ideal(), "uploadMpbs", 3)).post("/v1/connection-checks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("uploadMpbs"));
        Map<String, Object> noNetwork = ideal();
        noNetwork.remove("networkType");
        creator.request().body(noNetwork).post("/v1/connection-checks")
                .then().statusCode(400).body("errors.field", hasItem("networkType"));
        // a bare NaN is not JSON at all
        creator.request().body("{\"networkType\":\"wifi\",\"uploadMbps\":NaN}").post("/v1/connection-checks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        // a key given twice, which other parsers would read as the first value
        creator.request().body("{\"networkType\":\"wifi\",\"uploadMbps\":3,\"networkType\":\"cellular\"}").post("/v1/connection-checks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("networkType"))
                .body("errors[0].message", equalTo("appears more than once"));
        creator.request().body("[]").post("/v1/connection-checks").then().statusCode(400);
        creator.request().body("").post("/v1/connection-checks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        // every field of a request with several problems is named at once
        creator.request().body(Map.of("networkType", "lte", "uploadMbps", -1, "packetLossPct", 101)).post("/v1/connection-checks")
                .then().statusCode(400).body("errors", hasSize(3));
        assertNothingStored();
    }

    @Test
    void post_shouldAcceptSmallClockSkewAndLateChecks() {
        creator.request().body(with(ideal(), "measuredAt", NOW.plus(Duration.ofMinutes(4)).toString())).post("/v1/connection-checks")
                .then().statusCode(201).body("measuredAt", equalTo(NOW.plus(Duration.ofMinutes(4)).toString()));
        creator.request().body(with(ideal(), "measuredAt", "2026-05-02T10:00:00-04:00")).post("/v1/connection-checks")
                .then().statusCode(201).body("measuredAt", equalTo("2026-05-02T14:00:00Z"));
        creator.request().body(ideal()).post("/v1/connection-checks")
                .then().statusCode(201).body("measuredAt", equalTo(NOW.toString())).body("sessionId", nullValue());
    }

    @Test
    void post_shouldBe404AndStoreNothing_whenSessionIsAnotherCreatorsOrUnknown() {
        // GIVEN bob's live
        TestCreator bob = fixtures.creator();
        String bobsLive = fixtures.live(bob);

        // WHEN alice names it THEN it does not exist for her
        creator.request().body(with(ideal(), "sessionId", bobsLive)).post("/v1/connection-checks")
                .then().statusCode(404).contentType("application/problem+json").body("errors[0].field", equalTo("sessionId"));
        creator.request().body(with(ideal(), "sessionId", "ses_unknown")).post("/v1/connection-checks")
                .then().statusCode(404).body("errors[0].field", equalTo("sessionId"));
        // an id longer than DynamoDB's 1 KB sort keys (it answered 500: the lookup itself was refused)
        creator.request().body(with(ideal(), "sessionId", "ses_" + "x".repeat(2100))).post("/v1/connection-checks")
                .then().statusCode(404).contentType("application/problem+json").body("errors[0].field", equalTo("sessionId"));
        creator.request().get("/v1/sessions/" + bobsLive + "/connection-report").then().statusCode(404)
                .contentType("application/problem+json");

        assertNothingStored();
        bob.request().get("/v1/sessions/" + bobsLive + "/connection-report").then().statusCode(200).body("checks", equalTo(0));
    }

    @Test
    void post_shouldBe409_whenSessionIsNoLongerLive() {
        // GIVEN a live that has ended
        String ended = "ses_ended_" + System.nanoTime();
        Instant started = NOW.minus(Duration.ofHours(1));
        sessionStore.create(creator.id(), new Session(ended, SessionStatus.CLOSED, null, null, null, started, null,
                NOW.minus(Duration.ofMinutes(5)), 55, "planned", null, null, null, null, null, 3), started.plus(Duration.ofHours(12)),
                List.of());

        // WHEN / THEN
        creator.request().body(with(ideal(), "sessionId", ended)).post("/v1/connection-checks")
                .then().statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("sessionId"));
        creator.request().get("/v1/sessions/" + ended + "/connection-report").then().statusCode(200).body("checks", equalTo(0));
    }

    @Test
    void endpoints_shouldBe401_withoutAValidKey() {
        given().contentType("application/json").body(ideal()).post("/v1/connection-checks")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer lc_nope").contentType("application/json").body(ideal())
                .post("/v1/connection-checks").then().statusCode(401);
        given().get("/v1/connection-checks").then().statusCode(401);
        given().get("/v1/sessions/" + live + "/connection-report").then().statusCode(401);
        assertNothingStored();
    }

    @Test
    void list_shouldPageNewestFirst() {
        for (int i = 0; i < 3; i++) {
            creator.request().body(with(ideal(), "measuredAt", NOW.minus(Duration.ofMinutes(10 - i)).toString()))
                    .post("/v1/connection-checks").then().statusCode(201);
        }
        String cursor = creator.request().queryParam("limit", 2).get("/v1/connection-checks")
                .then().statusCode(200).body("items", hasSize(2))
                .body("items[0].measuredAt", equalTo(NOW.minus(Duration.ofMinutes(8)).toString()))
                .body("items[0].findings", hasSize(0)).body("items[0].verdict", equalTo("excellent"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        creator.request().queryParam("limit", 2).queryParam("cursor", cursor).get("/v1/connection-checks")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].measuredAt", equalTo(NOW.minus(Duration.ofMinutes(10)).toString()));
        creator.request().queryParam("cursor", "U0VTU0lPTiN4").get("/v1/connection-checks")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private void assertNothingStored() {
        creator.request().get("/v1/connection-checks").then().statusCode(200).body("items", hasSize(0));
        creator.request().get("/v1/sessions/" + live + "/connection-report").then().statusCode(200)
                .body("checks", equalTo(0)).body("timeline.items", hasSize(0)).body("incidents", hasSize(0));
    }
}
