package dev.livecue.checks;

import static dev.livecue.checks.CheckFixtures.ideal;
import static dev.livecue.checks.CheckFixtures.poor;
import static dev.livecue.checks.CheckFixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.livecue.core.connection.ConnectionCheckService;
import dev.livecue.core.connection.NewConnectionCheck;
import dev.livecue.core.session.InterruptRequest;
import dev.livecue.core.session.Interruptions;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The per-session connection report: statistics over every check, incidents, overall verdict, the paged timeline. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ConnectionReportTest {

    private static final Instant START = Instant.parse("2026-07-01T19:00:00Z");
    private static final int CHECKS = 1050;
    private static final String[] METRICS = {"uploadMbps", "downloadMbps", "rttMs", "jitterMs", "packetLossPct"};

    @Inject
    CheckFixtures fixtures;

    @Inject
    ConnectionCheckService checks;

    @Inject
    TestClock clock;

    @Inject
    Interruptions interruptions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void report_shouldSummarizeMoreThanAThousandChecks_andPageThroughAllOfThemInOrder() {
        // GIVEN a live with 1050 checks, every 3 s, with random but always excellent values
        clock.pin(START.plusSeconds(3L * CHECKS));
        TestCreator creator = fixtures.creator();
        String live = fixtures.live(creator);
        Random random = new Random(42);
        Map<String, List<Double>> values = new HashMap<>();
        for (String metric : METRICS) {
            values.put(metric, new ArrayList<>());
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            double upload = round(6 + random.nextDouble() * 44);
            double download = round(5 + random.nextDouble() * 95);
            double rtt = round(5 + random.nextDouble() * 94);
            double jitter = round(random.nextDouble() * 29);
            double loss = round(random.nextDouble() * 0.98);
            values.get("uploadMbps").add(upload);
            values.get("downloadMbps").add(download);
            values.get("rttMs").add(rtt);
            values.get("jitterMs").add(jitter);
            values.get("packetLossPct").add(loss);
            ids.add(checks.record(creator.id(), new NewConnectionCheck(live, START.plusSeconds(3L * i).toString(),
                    i % 2 == 0 ? "wifi" : "cellular", upload, download, rtt, jitter, loss)).id());
        }

        // WHEN the report is read
        JsonPath report = creator.request().get("/v1/sessions/" + live + "/connection-report")
                .then().statusCode(200)
                .body("sessionId", equalTo(live))
                .body("sessionStatus", equalTo("live"))
                .body("checks", equalTo(CHECKS))
                .body("verdict", equalTo("excellent"))
                .body("verdicts.excellent", equalTo(CHECKS))
                .body("incidents", hasSize(0))
                .body("timeline.items", hasSize(50))
                .extract().jsonPath();

        // THEN min, median and p95 match the ones computed here from the values sent
        for (String metric : METRICS) {
            List<Double> sorted = new ArrayList<>(values.get(metric));
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 0 ? (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2 : sorted.get(n / 2);
            double p95 = sorted.get((int) Math.ceil(n * 0.95) - 1);
            assertEquals(n, report.getInt("stats." + metric + ".count"), metric);
            assertEquals(sorted.get(0), report.getDouble("stats." + metric + ".min"), 1e-9, metric + " min");
            assertEquals(median, report.getDouble("stats." + metric + ".median"), 1e-9, metric + " median");
            assertEquals(p95, report.getDouble("stats." + metric + ".p95"), 1e-9, metric + " p95");
        }

        // and the timeline pages through every check in the order they were measured
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = creator.request().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/sessions/" + live + "/connection-report").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("timeline.items.id", String.class));
            cursor = page.getString("timeline.nextCursor");
        } while (cursor != null);
        assertEquals(ids, seen);
    }

    @Test
    void report_shouldShowIncidentsAndCapTheVerdictAtFair_andBeEmptyForALiveWithoutChecks() {
        // GIVEN a live that is mostly excellent but had one incident
        clock.pin(START);
        TestCreator creator = fixtures.creator();
        String live = fixtures.live(creator);
        creator.request().get("/v1/sessions/" + live + "/connection-report").then().statusCode(200)
                .body("checks", equalTo(0)).body("verdict", nullValue()).body("stats.rttMs.count", equalTo(0))
                .body("stats.rttMs.median", nullValue()).body("timeline.nextCursor", nullValue());
        int second = 0;
        for (int i = 0; i < 6; i++) {
            post(creator, live, ideal(), second++);
        }
        for (int i = 0; i < 3; i++) {
            post(creator, live, poor(), second++);
        }
        post(creator, live, with(ideal(), "rttMs", 120), second++);
        post(creator, live, ideal(), second++);

        // WHEN / THEN
        creator.request().get("/v1/sessions/" + live + "/connection-report").then().statusCode(200)
                .body("checks", equalTo(11))
                .body("verdicts.excellent", equalTo(7)).body("verdicts.good", equalTo(1)).body("verdicts.poor", equalTo(3))
                .body("verdict", equalTo("fair"))
                .body("incidents", hasSize(1))
                .body("incidents[0].startedAt", equalTo(START.plusSeconds(6).toString()))
                .body("incidents[0].endedAt", equalTo(START.plusSeconds(9).toString()))
                .body("stats.uploadMbps.min", equalTo(0.5f))
                .body("timeline.items[6].verdict", equalTo("poor"))
                .body("timeline.items[6].score", equalTo(17)) // 100 - (50 + 40 * (3 - 0.5) / 3)
                .body("timeline.items[6].uploadMbps", equalTo(0.5f))
                .body("timeline.items[6].networkType", equalTo("wifi"));
        creator.request().queryParam("cursor", "Y2hrX25vdGhlcmU").get("/v1/sessions/" + live + "/connection-report")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        creator.request().get("/v1/sessions/ses_unknown/connection-report").then().statusCode(404);
    }

    @Test
    void report_shouldEndAnIncidentStillOpen_whenTheLiveEnds() {
        // GIVEN a live whose connection broke down and never recovered
        clock.pin(START);
        TestCreator creator = fixtures.creator();
        String live = fixtures.live(creator);
        for (int second = 0; second < 3; second++) {
            post(creator, live, poor(), second);
        }
        creator.request().get("/v1/sessions/" + live + "/connection-report").then().statusCode(200)
                .body("incidents", hasSize(1)).body("incidents[0].endedAt", nullValue());

        // WHEN the live ends, cut off
        clock.pin(START.plusSeconds(30));
        interruptions.interrupt(creator.id(), live, new InterruptRequest("connection"));

        // THEN the incident ended with it
        creator.request().get("/v1/sessions/" + live + "/connection-report").then().statusCode(200)
                .body("sessionStatus", equalTo("interrupted"))
                .body("incidents[0].startedAt", equalTo(START.toString()))
                .body("incidents[0].endedAt", equalTo(START.plusSeconds(30).toString()));
    }

    private static void post(TestCreator creator, String live, Map<String, Object> body, int second) {
        creator.request().body(with(with(body, "sessionId", live), "measuredAt", START.plusSeconds(second).toString()))
                .post("/v1/connection-checks").then().statusCode(201);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
