package dev.livecue.schedules;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.jobs.Ticker;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.store.SubscriptionStore;
import dev.livecue.core.webhook.DeliveryAttempt;
import dev.livecue.core.webhook.Outcome;
import dev.livecue.core.webhook.Subscription;
import dev.livecue.core.webhook.SubscriptionService;
import dev.livecue.core.webhook.SubscriptionStatus;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The SSRF rules of webhook URLs as everywhere but the local stack has them (private targets not allowed): at
 * subscription (problem+json 400 naming {@code url} and the rule) and again at delivery, on the address dialled.
 * No external DNS here: host names that must resolve are {@code localhost}; public targets are IP literals.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
@TestProfile(WebhookUrlRulesTest.PublicTargetsOnly.class)
class WebhookUrlRulesTest {

    public static class PublicTargetsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("livecue.webhooks.allow-private", "false");
        }
    }

    @Inject
    SubscriptionStore subscriptions;

    @Inject
    SubscriptionService webhooks;

    @Inject
    EventPublisher events;

    @Inject
    Ticker ticker;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/hook                      | must use https",
            "http://example.com/hook                    | must use https",
            "http://169.254.169.254/latest/meta-data    | must use https",
            "https://169.254.169.254/latest/meta-data   | 169.254.0.0/16",
            "https://10.0.0.1/hook                      | 10.0.0.0/8",
            "https://[::1]/hook                         | ::1/128",
            "https://0x7f000001/hook                    | canonical",
            "https://2130706433/hook                    | canonical",
            "https://0177.0.0.1/hook                    | canonical",
            "https://127.1/hook                         | canonical",
            "https://012.0.0.1/hook                     | canonical",
            "https://user:pw@example.com/hook           | credentials",
            "https://user@example.com/hook              | credentials",
            "https://localhost/hook                     | 127.0.0.0/8",
            "https://LocalHost:8443/hook                | loopback",
            "https://127.0.0.1/hook                     | 127.0.0.0/8",
            "https://192.168.1.10/hook                  | 192.168.0.0/16",
            "https://172.16.5.4/hook                    | 172.16.0.0/12",
            "https://100.64.0.1/hook                    | 100.64.0.0/10",
            "https://0.0.0.0/hook                       | 0.0.0.0/8",
            "https://255.255.255.255/hook               | 240.0.0.0/4",
            "https://[::ffff:127.0.0.1]/hook            | 127.0.0.0/8",
            "https://[::ffff:a9fe:a9fe]/hook            | 169.254.0.0/16",
            "https://[fd00:ec2::254]/hook               | cloud metadata",
            "https://[fe80::1]/hook                     | fe80::/10",
            "https://[64:ff9b::a00:1]/hook              | 64:ff9b::/96",
            "https://[2001:db8::1]/hook                 | 2001:db8::/32",
            "https://[fe80::1%25eth0]/hook              | zone",
            "https://nonexistent.invalid/hook           | does not resolve",
            "/relative/path                             | https",
            "https:///no-host                           | host",
            "https://1.1.1.1:99999/hook                 | port",
            "https://1.1.1.1:0/hook                     | port",
            "https://[2606:4700:4700::1111]:70000/hook  | port",
    })
    void create_shouldBe400NamingUrlAndRule_whenTargetIsNotPublic(String url, String rule) {
        TestCreator creator = Api.newCreator();
        creator.request().body(Map.of("url", url, "events", List.of("live.reminder")))
                .post("/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString(rule));
        creator.request().get("/v1/webhooks").then().body("items", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hooks/livecue", "https://[2606:4700:4700::1111]/hook",
            "https://8.8.8.8:8443/path?token=abc"})
    void create_shouldAccept_publicAddresses(String url) {
        Api.newCreator().request().body(Map.of("url", url, "events", List.of("live.reminder")))
                .post("/v1/webhooks")
                .then().statusCode(201).body("url", equalTo(url));
    }

    @Test
    void delivery_shouldRecordAFailedAttempt_whenAStoredUrlCannotBeDialled() {
        // GIVEN a subscription stored before the port rule, with a port no connection can use
        String creatorId = SecretTokens.id("cr_");
        Instant made = Instant.now().minusSeconds(60);
        Subscription unusable = new Subscription(SecretTokens.id("wh_"), creatorId, "https://1.1.1.1:99999/hook",
                List.of(EventTypes.SESSION_STARTED), null, SubscriptionStatus.ACTIVE, null,
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), null, null, null, made, made);
        subscriptions.create(unusable, 0); // a new creator: no subscription yet
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 1));

        // WHEN the dispatcher delivers
        ticker.tick();

        // THEN the attempt is in the log, to be retried like any failure, rather than the job failing every tick
        DeliveryAttempt attempt = webhooks.deliveries(creatorId, unusable.id(), PageRequest.first(10)).items().get(0);
        assertEquals(Outcome.RETRYING, attempt.outcome());
        assertTrue(attempt.error().contains("cannot be called"), attempt.error());
    }

    @Test
    void delivery_shouldRefuseInnerAddress_whenNameResolvesThereAtDeliveryTime() {
        // GIVEN a subscription whose host name (public when it was made) now resolves to loopback: DNS rebinding
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String creatorId = SecretTokens.id("cr_");
            Instant made = Instant.now().minusSeconds(60);
            Subscription rebound = new Subscription(SecretTokens.id("wh_"), creatorId,
                    "https://localhost:" + receiver.port() + "/inner", List.of(EventTypes.SESSION_STARTED), null,
                    SubscriptionStatus.ACTIVE, null, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    null, null, null, made, made);
            subscriptions.create(rebound, 0);
            events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 1));

            // WHEN the dispatcher delivers
            ticker.tick();

            // THEN no connection was made, and the log says why
            assertEquals(0, receiver.received("/inner").size());
            DeliveryAttempt attempt = webhooks.deliveries(creatorId, rebound.id(), PageRequest.first(10)).items().get(0);
            assertEquals(Outcome.RETRYING, attempt.outcome());
            assertTrue(attempt.error().startsWith("blocked: "), attempt.error());
            assertTrue(attempt.error().contains("127.0.0.1") || attempt.error().contains("::1"), attempt.error());
        }
    }
}
