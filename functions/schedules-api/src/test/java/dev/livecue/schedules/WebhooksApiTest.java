package dev.livecue.schedules;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.jobs.Ticker;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import dev.livecue.testing.WebhookReceiver;
import dev.livecue.testing.WebhookReceiver.Received;
import dev.livecue.testing.WebhookReceiver.Reply;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The webhook subscription endpoints, with a real receiver on loopback (allowed by this test configuration). */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class WebhooksApiTest {

    @Inject
    EventPublisher events;

    @Inject
    Ticker ticker;

    @Inject
    TestClock clock;

    WebhookReceiver receiver;
    TestCreator creator;

    @BeforeEach
    void setUp() {
        receiver = WebhookReceiver.start();
        creator = Api.newCreator();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        clock.reset();
    }

    @Test
    void create_shouldReturnSecretOnce_andListWithoutIt() {
        // WHEN
        ExtractableResponse<Response> created = creator.request()
                .body(Map.of("url", receiver.url("/zapier"), "events", List.of("live.reminder", "session.closed"),
                        "description", "Zapier: post to Discord"))
                .post("/v1/webhooks")
                .then().statusCode(201)
                .body("id", startsWith("wh_"))
                .body("url", equalTo(receiver.url("/zapier")))
                .body("events", equalTo(List.of("live.reminder", "session.closed")))
                .body("description", equalTo("Zapier: post to Discord"))
                .body("status", equalTo("active"))
                .body("secret", startsWith("whsec_"))
                .extract();

        // THEN the secret is base64 of 32 random bytes, and never shown again
        String secret = created.path("secret");
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        String list = creator.request().get("/v1/webhooks").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(created.path("id")))
                .body("items[0].status", equalTo("active"))
                .body("items[0].secret", nullValue())
                .extract().asString();
        assertFalse(list.contains(secret.substring(6)));
    }

    @Test
    void create_shouldBe400NamingEveryBadField() {
        creator.request().body(Map.of("url", receiver.url("/x"), "events", List.of("live.reminder", "live.party")))
                .post("/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events"))
                .body("errors[0].message", containsString("live.party"));
        creator.request().body(Map.of("url", "ftp://example.com/x", "events", List.of(), "description", "x".repeat(300)))
                .post("/v1/webhooks")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("url", "events", "description")));
        creator.request().body("{\"url\": \"" + receiver.url("/x") + "\", \"events\": [\"live.reminder\"], \"secret\": \"mine\"}")
                .post("/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("secret"));
        creator.request().body("{\"events\": [\"live.reminder\"]}").post("/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        creator.request().get("/v1/webhooks").then().body("items", hasSize(0));
    }

    @Test
    void test_shouldSendSignedWebhookTestEvent_andLogTheAttempt() throws Exception {
        // GIVEN
        String[] sub = subscribe("/test-me", "live.reminder");

        // WHEN
        ExtractableResponse<Response> attempt = creator.request().post("/v1/webhooks/" + sub[0] + "/test")
                .then().statusCode(200)
                .body("eventType", equalTo("webhook.test"))
                .body("statusCode", equalTo(204))
                .body("outcome", equalTo("delivered"))
                .body("attempt", equalTo(1))
                .body("durationMs", notNullValue())
                .extract();

        // THEN the receiver got a webhook.test event the Standard Webhooks library verifies
        List<Received> got = receiver.received("/test-me");
        assertEquals(1, got.size());
        new Webhook(sub[1]).verify(got.get(0).body(), got.get(0).headers());
        assertEquals(attempt.path("messageId"), got.get(0).webhookId());
        assertTrue(got.get(0).body().startsWith("{\"type\":\"webhook.test\",\"timestamp\":"));
        creator.request().get("/v1/webhooks/" + sub[0] + "/deliveries").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].messageId", equalTo(got.get(0).webhookId()))
                .body("items[0].attemptedAt", notNullValue());

        // and a failing receiver shows as a failed test
        receiver.reply("/test-me", Reply.of(500));
        creator.request().post("/v1/webhooks/" + sub[0] + "/test").then().statusCode(200)
                .body("outcome", equalTo("failed")).body("statusCode", equalTo(500))
                .body("error", containsString("500"));
    }

    @Test
    void rotateSecret_shouldSignWithBothSecretsFor24Hours() throws Exception {
        // GIVEN
        String[] sub = subscribe("/rotate", "live.reminder");

        // WHEN the secret is rotated
        String newSecret = creator.request().post("/v1/webhooks/" + sub[0] + "/rotate-secret")
                .then().statusCode(200)
                .body("id", equalTo(sub[0]))
                .body("secret", startsWith("whsec_"))
                .body("previousSecretExpiresAt", notNullValue())
                .extract().path("secret");
        creator.request().post("/v1/webhooks/" + sub[0] + "/test").then().statusCode(200).body("outcome", equalTo("delivered"));

        // THEN receivers holding either secret can verify the delivery
        Received dual = receiver.received("/rotate").get(0);
        assertEquals(2, dual.header("webhook-signature").split(" ").length);
        new Webhook(sub[1]).verify(dual.body(), dual.headers());
        new Webhook(newSecret).verify(dual.body(), dual.headers());

        // and after 24 hours only the new secret signs
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        creator.request().post("/v1/webhooks/" + sub[0] + "/test").then().statusCode(200);
        Received later = receiver.received("/rotate").get(1);
        long timestamp = Long.parseLong(later.header("webhook-timestamp"));
        assertEquals(Set.of(new Webhook(newSecret).sign(later.webhookId(), timestamp, later.body())),
                Set.of(later.header("webhook-signature").split(" ")));
    }

    @Test
    void gone_shouldShowDisabled_andEnableShouldTurnItBackOn() {
        // GIVEN a receiver answering 410 Gone to a real event
        receiver.reply("/gone", Reply.of(410));
        String[] sub = subscribe("/gone", "session.started");
        events.publish(creator.id(), EventTypes.SESSION_STARTED, Map.of("sessionId", "ses_1"));

        // WHEN the dispatcher ticks
        ticker.tick();

        // THEN
        creator.request().get("/v1/webhooks").then()
                .body("items[0].status", equalTo("disabled"))
                .body("items[0].disabledReason", containsString("410"));
        creator.request().get("/v1/webhooks/" + sub[0] + "/deliveries").then()
                .body("items[0].outcome", equalTo("dead_lettered"))
                .body("items[0].statusCode", equalTo(410))
                .body("items[0].eventType", equalTo("session.started"));
        creator.request().post("/v1/webhooks/" + sub[0] + "/enable").then().statusCode(200)
                .body("status", equalTo("active")).body("disabledReason", nullValue());
        creator.request().get("/v1/webhooks").then().body("items[0].status", equalTo("active"));
    }

    @Test
    void everyEndpoint_shouldBe404_forAnotherCreatorsSubscription() {
        String[] sub = subscribe("/mine", "live.reminder");
        TestCreator other = Api.newCreator();
        String base = "/v1/webhooks/" + sub[0];
        other.request().delete(base).then().statusCode(404).contentType("application/problem+json");
        other.request().post(base + "/test").then().statusCode(404);
        other.request().post(base + "/rotate-secret").then().statusCode(404);
        other.request().post(base + "/enable").then().statusCode(404);
        other.request().get(base + "/deliveries").then().statusCode(404);
        other.request().get("/v1/webhooks").then().body("items.id", not(hasItem(sub[0])));
        assertEquals(0, receiver.received("/mine").size());

        // and the owner can delete it, once
        creator.request().delete(base).then().statusCode(204);
        creator.request().delete(base).then().statusCode(404);
        creator.request().get("/v1/webhooks").then().body("items", hasSize(0));
    }

    @Test
    void deliveries_shouldPageNewestFirst() {
        String[] sub = subscribe("/paged", "live.reminder");
        for (int i = 0; i < 3; i++) {
            creator.request().post("/v1/webhooks/" + sub[0] + "/test").then().statusCode(200);
            clock.pin(clock.instant().plusSeconds(1));
        }
        List<String> all = creator.request().get("/v1/webhooks/" + sub[0] + "/deliveries").then()
                .extract().path("items.attemptedAt");
        assertEquals(all.stream().sorted(java.util.Comparator.reverseOrder()).toList(), all);
        String cursor = creator.request().queryParam("limit", 2).get("/v1/webhooks/" + sub[0] + "/deliveries")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        creator.request().queryParam("limit", 2).queryParam("cursor", cursor).get("/v1/webhooks/" + sub[0] + "/deliveries")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].attemptedAt", equalTo(all.get(2)));
        String[] other = subscribe("/other", "live.reminder");
        creator.request().queryParam("cursor", cursor).get("/v1/webhooks/" + other[0] + "/deliveries")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void create_shouldBe409_whenCreatorHasTooManySubscriptions() {
        for (int i = 0; i < 20; i++) {
            subscribe("/many" + i, "live.reminder");
        }
        creator.request().body(Map.of("url", receiver.url("/one-more"), "events", List.of("live.reminder")))
                .post("/v1/webhooks").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void create_shouldKeepTheLimit_whenCreatesArriveAtOnce() throws Exception {
        // GIVEN 17 subscriptions, 3 short of the limit
        for (int i = 0; i < 17; i++) {
            subscribe("/many" + i, "live.reminder");
        }
        // WHEN 10 more are asked for at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String path = "/at-once" + i;
                creates.add(pool.submit(() -> creator.request()
                        .body(Map.of("url", receiver.url(path), "events", List.of("live.reminder")))
                        .post("/v1/webhooks").statusCode()));
            }
            for (Future<Integer> create : creates) {
                statuses.add(create.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // THEN exactly 3 were made, each answered 201, the rest 409, and the list holds 20 (before, creates that
        // counted each other took themselves back, and fewer were made than the limit had room for)
        long made = statuses.stream().filter(status -> status == 201).count();
        assertEquals(3, made, statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        creator.request().queryParam("limit", 50).get("/v1/webhooks").then().statusCode(200).body("items", hasSize(20));
        // AND a delete makes room for one more
        String any = creator.request().get("/v1/webhooks").then().extract().path("items[0].id");
        creator.request().delete("/v1/webhooks/" + any).then().statusCode(204);
        subscribe("/after-delete", "live.reminder");
    }

    /** Subscribes the test creator to {@code path}: its id and secret. */
    private String[] subscribe(String path, String... types) {
        ExtractableResponse<Response> created = creator.request()
                .body(Map.of("url", receiver.url(path), "events", List.of(types)))
                .post("/v1/webhooks").then().statusCode(201).extract();
        return new String[] {created.path("id"), created.path("secret")};
    }
}
