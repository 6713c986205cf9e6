package dev.livecue.dispatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.webhook.NewSubscription;
import dev.livecue.core.webhook.SubscriptionService;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Lambda entry point, invoked through Quarkus' mock Lambda event server with a real EventBridge event. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class DispatchHandlerTest {

    private static final String SCHEDULED_EVENT = """
            {"version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
             "source": "aws.events", "account": "123456789012", "time": "2026-03-01T12:00:00Z", "region": "eu-west-1",
             "resources": ["arn:aws:events:eu-west-1:123456789012:rule/livecue-dispatch"], "detail": {}}
            """;

    @Inject
    SubscriptionService webhooks;

    @Inject
    EventPublisher events;

    @Test
    void handleRequest_shouldRunTheWebhookJobs_andDeliverDueEvents() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // GIVEN a due event for a subscription
            String creatorId = SecretTokens.id("cr_");
            webhooks.create(creatorId, new NewSubscription(receiver.url("/lambda"), List.of(EventTypes.SESSION_STARTED), null));
            events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 1));

            // WHEN EventBridge fires the function
            given().contentType("application/json").body(SCHEDULED_EVENT).post()
                    .then().statusCode(200)
                    .body("jobs.job", hasItems("webhook-fan-out", "webhook-delivery"))
                    // and each job says what it cost: the delivery job claimed (an update), then logged the attempt and
                    // settled the delivery (one transaction)
                    .body("jobs.find { it.job == 'webhook-delivery' }.dynamodb.calls.UpdateItem", greaterThanOrEqualTo(1))
                    .body("jobs.find { it.job == 'webhook-delivery' }.dynamodb.calls.TransactWriteItems", greaterThanOrEqualTo(1))
                    .body("jobs.find { it.job == 'webhook-delivery' }.dynamodb.writeUnits", greaterThan(0f))
                    .body("jobs.find { it.job == 'webhook-fan-out' }.dynamodb.readUnits", greaterThan(0f));

            // THEN the event went out
            assertEquals(1, receiver.received("/lambda").size());
        }
    }
}
