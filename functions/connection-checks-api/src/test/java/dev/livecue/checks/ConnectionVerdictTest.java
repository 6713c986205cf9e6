package dev.livecue.checks;

import static dev.livecue.checks.CheckFixtures.ideal;
import static dev.livecue.checks.CheckFixtures.with;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api.TestCreator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Each verdict band at and just around each default threshold (upload 3/6 Mbps, loss 1/5 %, RTT 100/450 ms,
 * jitter 30/100 ms, download 1 Mbps), with the other metrics ideal.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ConnectionVerdictTest {

    @Inject
    CheckFixtures fixtures;

    private TestCreator creator;

    @BeforeEach
    void creator() {
        creator = fixtures.creator();
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
        // metric,      value,  verdict,   severity, threshold, recommendation
        "uploadMbps,    6.0,    excellent, ,         ,          go_live",
        "uploadMbps,    5.99,   good,      warning,  6,         go_live_lower_quality",
        "uploadMbps,    3.0,    good,      warning,  6,         go_live_lower_quality",
        "uploadMbps,    2.99,   poor,      critical, 3,         wait_and_retry",
        "uploadMbps,    0,      offline,   critical, 3,         wait_and_retry",
        "packetLossPct, 0.99,   excellent, ,         ,          go_live",
        "packetLossPct, 1.0,    good,      warning,  1,         go_live",
        "packetLossPct, 5.0,    good,      warning,  1,         go_live",
        "packetLossPct, 5.01,   poor,      critical, 5,         wait_and_retry",
        "packetLossPct, 100,    offline,   critical, 5,         wait_and_retry",
        "rttMs,         99.9,   excellent, ,         ,          go_live",
        "rttMs,         100,    good,      warning,  100,       go_live",
        "rttMs,         450,    good,      warning,  100,       go_live",
        "rttMs,         450.1,  poor,      critical, 450,       wait_and_retry",
        "jitterMs,      29.9,   excellent, ,         ,          go_live",
        "jitterMs,      30,     good,      warning,  30,        go_live",
        "jitterMs,      100,    good,      warning,  30,        go_live",
        "jitterMs,      100.1,  poor,      critical, 100,       wait_and_retry",
        "downloadMbps,  1.0,    excellent, ,         ,          go_live",
        "downloadMbps,  0.99,   good,      warning,  1,         go_live",
    })
    void post_shouldJudgeEachThresholdExactly(String metric, double value, String verdict, String severity,
            Double threshold, String recommendation) {
        // WHEN one metric is at or just past a threshold and the others are ideal
        ValidatableResponse response = creator.request().body(with(ideal(), metric, value)).post("/v1/connection-checks")
                .then().statusCode(201)
                .body("id", startsWith("chk_"))
                .body("verdict", equalTo(verdict))
                .body("recommendation", equalTo(recommendation));

        // THEN the finding names the metric, its value and the threshold it crossed
        if (severity == null) {
            response.body("findings", empty()).body("steps", empty()).body("score", equalTo(100));
        } else {
            response.body("findings", hasSize(1))
                    .body("findings[0].metric", equalTo(metric))
                    .body("findings[0].value", equalTo((float) value))
                    .body("findings[0].threshold", equalTo(threshold.floatValue()))
                    .body("findings[0].severity", equalTo(severity));
        }
        switch (verdict) {
            case "good" -> response.body("score", allOf(greaterThanOrEqualTo(75), lessThanOrEqualTo(95)));
            case "poor" -> response.body("score", allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(49)));
            case "offline" -> response.body("score", equalTo(0));
            default -> response.body("score", equalTo(100));
        }
    }

    @Test
    void post_shouldBeFair_whenTwoMetricsWarn() {
        creator.request().body(with(with(ideal(), "uploadMbps", 4.0), "rttMs", 200)).post("/v1/connection-checks")
                .then().statusCode(201)
                .body("verdict", equalTo("fair"))
                .body("findings.metric", equalTo(java.util.List.of("uploadMbps", "rttMs")))
                .body("score", allOf(greaterThanOrEqualTo(50), lessThanOrEqualTo(74)))
                .body("recommendation", equalTo("go_live_lower_quality"));
        creator.request().body(with(with(ideal(), "jitterMs", 50), "packetLossPct", 2.0)).post("/v1/connection-checks")
                .then().statusCode(201).body("verdict", equalTo("fair")).body("recommendation", equalTo("go_live_lower_quality"));
    }

    @Test
    void post_shouldScoreLower_theFurtherPastTheThreshold() {
        int near = score(with(ideal(), "rttMs", 120));
        int far = score(with(ideal(), "rttMs", 400));
        int poorNear = score(with(ideal(), "rttMs", 500));
        int poorFar = score(with(ideal(), "rttMs", 2000));
        org.junit.jupiter.api.Assertions.assertTrue(near > far && far > poorNear && poorNear > poorFar,
                "scores " + near + " > " + far + " > " + poorNear + " > " + poorFar);
    }

    @Test
    void post_shouldJudgeUploadOnly_whenOtherMetricsAreNotMeasured() {
        creator.request().body("{\"networkType\":\"cellular\",\"uploadMbps\":7.5}").post("/v1/connection-checks")
                .then().statusCode(201).body("verdict", equalTo("excellent")).body("rttMs", equalTo(null))
                .body("networkType", equalTo("cellular")).body("uploadMbps", equalTo(7.5f));
    }

    private int score(java.util.Map<String, Object> body) {
        return creator.request().body(body).post("/v1/connection-checks").then().statusCode(201).extract().path("score");
    }
}
