package dev.livecue.schedules;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.DiedAttempts;
import dev.livecue.testing.TestClock;
import dev.livecue.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A request with an {@code Idempotency-Key} that died after its write and before its answer was stored (a crash, a
 * Lambda timeout) runs again when the tool retries: the retry finds what the first attempt created and answers with
 * it, instead of creating it twice.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class DiedAttemptRetryTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void retry_shouldAnswerWithTheScheduleAndSubscriptionTheDiedAttemptCreated_andCreateNeitherTwice() {
        // GIVEN a schedule and a webhook subscription created with keys
        clock.pin(Instant.parse("2027-08-01T08:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        Map<String, Object> plan = SchedulesApiTest.schedule("2027-09-01T19:00", "UTC", "FREQ=WEEKLY;COUNT=4", List.of("PT1H"));
        JsonPath schedule = creator.request().header("Idempotency-Key", "plan-1").body(plan).post("/v1/schedules")
                .then().statusCode(201).extract().jsonPath();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, Object> hook = Map.of("url", receiver.url("/zap"), "events", List.of("live.reminder"));
            JsonPath subscription = creator.request().header("Idempotency-Key", "hook-1").body(hook).post("/v1/webhooks")
                    .then().statusCode(201).extract().jsonPath();

            // WHEN both answers were lost to a crash, and the tool retries a minute later with the same keys
            assertEquals(2, DiedAttempts.after(dynamo, config.table(), creator.id()));
            clock.pin(Instant.parse("2027-08-01T08:01:00Z"));

            // THEN each retry runs again (nothing was stored to replay) and answers with what the first made
            creator.request().header("Idempotency-Key", "plan-1").body(plan).post("/v1/schedules").then().statusCode(201)
                    .header("Idempotent-Replayed", nullValue()).body("id", equalTo(schedule.getString("id")))
                    .body("nextOccurrences[0].start", equalTo(schedule.getString("nextOccurrences[0].start")));
            creator.request().header("Idempotency-Key", "hook-1").body(hook).post("/v1/webhooks").then().statusCode(201)
                    .body("id", equalTo(subscription.getString("id"))).body("secret", equalTo(subscription.getString("secret")));

            // AND there is one of each (before, the retries made a second schedule and a second subscription)
            creator.request().get("/v1/schedules").then().statusCode(200).body("items", hasSize(1));
            creator.request().get("/v1/webhooks").then().statusCode(200).body("items", hasSize(1));
        }
    }
}
