package dev.livecue.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.jobs.TickReport;
import dev.livecue.core.jobs.Ticker;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.store.TickCursorStore;
import dev.livecue.core.webhook.CreatedSubscription;
import dev.livecue.core.webhook.DeliveryAttempt;
import dev.livecue.core.webhook.DeliveryEngine;
import dev.livecue.core.webhook.DeliveryJob;
import dev.livecue.core.webhook.FanOutJob;
import dev.livecue.core.webhook.NewSubscription;
import dev.livecue.core.webhook.Outcome;
import dev.livecue.core.webhook.SubscriptionService;
import dev.livecue.core.webhook.SubscriptionStatus;
import dev.livecue.core.webhook.SubscriptionView;
import dev.livecue.core.webhook.WebhookConfig;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.TestClock;
import dev.livecue.testing.WebhookReceiver;
import dev.livecue.testing.WebhookReceiver.Received;
import dev.livecue.testing.WebhookReceiver.Reply;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The dispatcher's webhook jobs against DynamoDB Local and a real HTTP receiver on loopback: fan-out, signing
 * (checked with the Standard Webhooks library), exactly-once under concurrent dispatchers, retries, catch-up,
 * expiry, 410 and redirects. Time is moved with the test clock; nothing waits on real time.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class WebhookDispatchTest {

    @Inject
    Ticker ticker;

    @Inject
    SubscriptionService webhooks;

    @Inject
    EventPublisher events;

    @Inject
    TickCursorStore cursors;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    DeliveryEngine engine;

    @Inject
    WebhookConfig config;

    @Inject
    DynamoDbClient dynamo;

    WebhookReceiver receiver;
    String creatorId;

    @BeforeEach
    void setUp() {
        receiver = WebhookReceiver.start();
        creatorId = SecretTokens.id("cr_");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        clock.reset();
    }

    @Test
    void tick_shouldDeliverEveryDueEventOnce_withValidSignature() throws Exception {
        // GIVEN a subscription to reminders and session starts, at the real time (the library checks timestamps)
        CreatedSubscription sub = subscribe("/hook", EventTypes.LIVE_REMINDER, EventTypes.SESSION_STARTED);
        events.publish(creatorId, EventTypes.LIVE_REMINDER, Map.of("title", "Friday Q&A", "n", 1));
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 2));
        events.publish(creatorId, EventTypes.CONNECTION_DEGRADED, Map.of("n", 3));
        events.publish(SecretTokens.id("cr_"), EventTypes.LIVE_REMINDER, Map.of("n", 4)); // another creator's

        // WHEN the dispatcher ticks twice
        assertFalse(ticker.tick().failed());
        assertFalse(ticker.tick().failed());

        // THEN each subscribed event arrived once, signed the Standard Webhooks way
        List<Received> got = receiver.received("/hook");
        assertEquals(2, got.size());
        Webhook verifier = new Webhook(sub.secret());
        for (Received r : got) {
            verifier.verify(r.body(), r.headers()); // throws when the signature or timestamp is wrong
            assertTrue(r.webhookId().startsWith("msg_"));
            assertEquals("application/json; charset=UTF-8", r.header("content-type"));
        }
        Map<String, JsonNode> byType = got.stream().map(r -> tree(r.body()))
                .collect(Collectors.toMap(b -> b.get("type").asText(), b -> b));
        assertEquals(Set.of(EventTypes.LIVE_REMINDER, EventTypes.SESSION_STARTED), byType.keySet());
        JsonNode reminder = byType.get(EventTypes.LIVE_REMINDER);
        assertEquals("Friday Q&A", reminder.at("/data/title").asText());
        Instant.parse(reminder.get("timestamp").asText());
        assertEquals(List.of("type", "timestamp", "data"), fieldNames(reminder));
        // and the log shows one delivered attempt each
        List<DeliveryAttempt> log = log(sub);
        assertEquals(2, log.size());
        assertTrue(log.stream().allMatch(a -> a.outcome() == Outcome.DELIVERED && a.statusCode() == 204 && a.attempt() == 1));
    }

    @Test
    void twoDispatchers_shouldDeliver500DueEventsExactlyOnce() throws Exception {
        // GIVEN 500 due events for one subscription
        pinFreshTime();
        CreatedSubscription sub = subscribe("/busy", EventTypes.LIVE_REMINDER);
        for (int i = 0; i < 500; i++) {
            events.publish(creatorId, EventTypes.LIVE_REMINDER, Map.of("n", i));
        }

        // WHEN two dispatchers tick at the same moment
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<TickReport> dispatcher = () -> {
            together.await();
            return ticker.tick();
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (Future<TickReport> report : two.invokeAll(List.of(dispatcher, dispatcher))) {
                assertFalse(report.get().failed(), report.get().toString());
            }
        } finally {
            two.shutdownNow();
        }
        ticker.tick(); // a later tick finds nothing left to send

        // THEN every event arrived exactly once, under 500 distinct webhook-ids, each correctly signed
        List<Received> got = receiver.received("/busy");
        assertEquals(500, got.size());
        assertEquals(500, got.stream().map(Received::webhookId).distinct().count());
        assertEquals(IntStream.range(0, 500).boxed().collect(Collectors.toSet()),
                got.stream().map(r -> tree(r.body()).at("/data/n").asInt()).collect(Collectors.toSet()));
        got.forEach(r -> assertSignedBy(r, sub.secret()));
        assertEquals(500, log(sub).stream().filter(a -> a.outcome() == Outcome.DELIVERED).count());
    }

    @Test
    void failingReceiver_shouldGetMessageOnFourthAttempt_withSameWebhookId() {
        // GIVEN a receiver that fails three times (the third with Retry-After), then accepts
        Instant start = pinFreshTime();
        receiver.reply("/flaky", Reply.of(500), Reply.of(502), Reply.of(503, "Retry-After", "900"), Reply.of(200));
        CreatedSubscription sub = subscribe("/flaky", EventTypes.SESSION_CLOSED);
        events.publish(creatorId, EventTypes.SESSION_CLOSED, Map.of("n", 1));

        // WHEN the dispatcher ticks whenever the next attempt is due
        ticker.tick();
        for (int attempt = 2; attempt <= 4; attempt++) {
            DeliveryAttempt last = log(sub).get(0);
            assertEquals(Outcome.RETRYING, last.outcome());
            clock.pin(last.nextAttemptAt().minusSeconds(1));
            ticker.tick();
            assertEquals(attempt - 1, receiver.received("/flaky").size(), "not sent before it is due");
            clock.pin(last.nextAttemptAt());
            ticker.tick();
        }

        // THEN four attempts with one webhook-id, each signed for its own timestamp; the fourth delivered
        List<Received> got = receiver.received("/flaky");
        assertEquals(4, got.size());
        assertEquals(1, got.stream().map(Received::webhookId).distinct().count());
        assertEquals(4, got.stream().map(r -> r.header("webhook-timestamp")).distinct().count());
        assertEquals(1, got.stream().map(Received::body).distinct().count());
        got.forEach(r -> assertSignedBy(r, sub.secret()));
        List<DeliveryAttempt> log = log(sub);
        assertEquals(List.of(Outcome.DELIVERED, Outcome.RETRYING, Outcome.RETRYING, Outcome.RETRYING),
                log.stream().map(DeliveryAttempt::outcome).toList());
        assertEquals(List.of(200, 503, 502, 500), log.stream().map(DeliveryAttempt::statusCode).toList());
        assertEquals(List.of(4, 3, 2, 1), log.stream().map(DeliveryAttempt::attempt).toList());
        assertTrue(log.stream().allMatch(a -> a.messageId().equals(got.get(0).webhookId())));
        DeliveryAttempt third = log.get(1);
        assertTrue(Duration.between(third.attemptedAt(), third.nextAttemptAt()).getSeconds() >= 900, "Retry-After honoured");
        assertTrue(log.get(3).attemptedAt().equals(start));
        ticker.tick();
        assertEquals(4, receiver.received("/flaky").size());
    }

    @Test
    void deliveriesLeasedToADeadDispatcher_shouldBeSentAfterTheLease_withTheirWebhookId() {
        // GIVEN an event written with its deliveries leased to a dispatcher that died before sending them (what the
        // fire job writes for a reminder, then kill -9)
        Instant start = pinFreshTime();
        subscribe("/orphaned", EventTypes.LIVE_REMINDER);
        EventPublisher.Prepared event = events.prepareFannedOut(SecretTokens.id("evt_"), creatorId,
                EventTypes.LIVE_REMINDER, Map.of("n", 1));
        DeliveryEngine.Outbound outbound = engine.pass().outbound(event.event());
        List<TransactWriteItem> writes = new ArrayList<>(List.of(event.write()));
        writes.addAll(outbound.writes());
        dynamo.transactWriteItems(t -> t.transactItems(writes));
        String webhookId = outbound.deliveries().get(0).messageId();

        // WHEN other dispatchers tick while the lease holds, and after it ran out
        ticker.tick();
        clock.pin(start.plus(config.lease()).minusSeconds(1));
        ticker.tick();
        assertEquals(0, receiver.received("/orphaned").size(), "not sent while the dead dispatcher's lease holds");
        clock.pin(start.plus(config.lease()).plusSeconds(60));
        assertFalse(ticker.tick().failed());
        ticker.tick();

        // THEN it was sent once, with the webhook-id it was made with; the event itself was never fanned out again
        List<Received> got = receiver.received("/orphaned");
        assertEquals(1, got.size());
        assertEquals(webhookId, got.get(0).webhookId());
    }

    @Test
    void dispatcherDownFor30Minutes_shouldCatchUpWithoutLoss() {
        // GIVEN a dispatcher that ticked once, and a delivery whose retry falls due while it is down
        Instant start = pinFreshTime();
        receiver.reply("/retry-during-outage", Reply.of(500), Reply.of(204));
        CreatedSubscription steady = subscribe("/outage", EventTypes.LIVE_REMINDER);
        CreatedSubscription retried = subscribe("/retry-during-outage", EventTypes.SESSION_STARTED);
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", -1));
        ticker.tick();
        assertEquals(1, receiver.received("/retry-during-outage").size());

        // WHEN events keep coming for 30 minutes without a tick
        for (int minute = 1; minute <= 30; minute++) {
            clock.pin(start.plus(Duration.ofMinutes(minute)));
            events.publish(creatorId, EventTypes.LIVE_REMINDER, Map.of("n", minute));
        }
        clock.pin(start.plus(Duration.ofMinutes(31)));
        assertFalse(ticker.tick().failed());

        // THEN the first tick after the outage sends everything, once
        assertEquals(IntStream.rangeClosed(1, 30).boxed().collect(Collectors.toSet()),
                receiver.received("/outage").stream().map(r -> tree(r.body()).at("/data/n").asInt()).collect(Collectors.toSet()));
        assertEquals(30, receiver.received("/outage").size());
        assertEquals(2, receiver.received("/retry-during-outage").size());
        assertEquals(Outcome.DELIVERED, log(retried).get(0).outcome());
        assertEquals(30, log(steady).size());
    }

    @Test
    void reminderForStartedLive_shouldExpireUnsent() {
        // GIVEN a reminder whose live started a minute ago (the dispatcher was late)
        Instant now = pinFreshTime();
        CreatedSubscription sub = subscribe("/late", EventTypes.LIVE_REMINDER, EventTypes.LIVE_CHECKLIST);
        events.publish(creatorId, EventTypes.LIVE_REMINDER, Map.of("n", 1, "start", now.minusSeconds(60).toString()));
        events.publish(creatorId, EventTypes.LIVE_CHECKLIST, Map.of("n", 2, "start", now.plusSeconds(3600).toString()));

        // WHEN
        ticker.tick();

        // THEN the late one is marked expired and not sent; the timely one is sent
        assertEquals(List.of(2), receiver.received("/late").stream().map(r -> tree(r.body()).at("/data/n").asInt()).toList());
        List<DeliveryAttempt> log = log(sub);
        DeliveryAttempt expired = log.stream().filter(a -> a.eventType().equals(EventTypes.LIVE_REMINDER)).findFirst().orElseThrow();
        assertEquals(Outcome.EXPIRED, expired.outcome());
        assertEquals(null, expired.statusCode());
        assertTrue(expired.error().contains("live started"));
    }

    @Test
    void gone_shouldDisableSubscriptionAtOnce_untilEnabled() {
        // GIVEN a receiver answering 410 Gone
        pinFreshTime();
        receiver.reply("/gone", Reply.of(410), Reply.of(204));
        CreatedSubscription sub = subscribe("/gone", EventTypes.SESSION_STARTED);
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 1));

        // WHEN
        ticker.tick();

        // THEN the subscription is disabled, the message dead-lettered, and later events are not sent
        SubscriptionView view = find(sub);
        assertEquals(SubscriptionStatus.DISABLED, view.status());
        assertTrue(view.disabledReason().contains("410"));
        assertEquals(Outcome.DEAD_LETTERED, log(sub).get(0).outcome());
        clock.advance(Duration.ofMinutes(1));
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 2));
        ticker.tick();
        assertEquals(1, receiver.received("/gone").size());

        // and once enabled again, new events flow
        assertEquals(SubscriptionStatus.ACTIVE, webhooks.enable(creatorId, sub.subscription().id()).status());
        clock.advance(Duration.ofMinutes(1));
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 3));
        ticker.tick();
        assertEquals(List.of(1, 3), receiver.received("/gone").stream().map(r -> tree(r.body()).at("/data/n").asInt()).toList());
    }

    @Test
    void redirect_shouldBeFailedAttempt_andNotFollowed() {
        // GIVEN a receiver redirecting elsewhere
        pinFreshTime();
        receiver.reply("/moved", Reply.of(302, "Location", receiver.url("/elsewhere")));
        CreatedSubscription sub = subscribe("/moved", EventTypes.SESSION_STARTED);
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 1));

        // WHEN
        ticker.tick();

        // THEN the redirect was not followed and the attempt counts as failed
        assertEquals(1, receiver.received("/moved").size());
        assertEquals(0, receiver.received("/elsewhere").size());
        DeliveryAttempt attempt = log(sub).get(0);
        assertEquals(302, attempt.statusCode());
        assertEquals(Outcome.RETRYING, attempt.outcome());
        assertTrue(attempt.error().contains("redirect"));
    }

    @Test
    void refusedConnection_shouldBeRetried_andDeadLetteredAfterTenAttempts() {
        // GIVEN a subscription whose receiver has gone away (nothing listens on its port)
        Instant start = pinFreshTime();
        CreatedSubscription sub = subscribe("/nobody", EventTypes.SESSION_STARTED);
        receiver.close();
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 1));

        // WHEN the dispatcher keeps ticking as the retries fall due
        ticker.tick();
        for (int i = 0; i < 12 && log(sub).get(0).nextAttemptAt() != null; i++) {
            clock.pin(log(sub).get(0).nextAttemptAt());
            ticker.tick();
        }

        // THEN ten attempts over at least 72 h, then dead-lettered and visible in the log
        List<DeliveryAttempt> log = log(sub);
        assertEquals(10, log.size());
        assertEquals(Outcome.DEAD_LETTERED, log.get(0).outcome());
        assertTrue(log.stream().allMatch(a -> a.statusCode() == null && a.error().contains("refused")));
        assertTrue(Duration.between(start, log.get(0).attemptedAt()).compareTo(Duration.ofHours(72)) >= 0);
        assertNotEquals(null, find(sub));
    }

    @Test
    void subscriptionFailingForFiveDays_shouldBeDisabled() {
        // GIVEN a receiver that always fails, first at the start
        Instant start = pinFreshTime();
        receiver.reply("/down", Reply.of(500));
        CreatedSubscription sub = subscribe("/down", EventTypes.SESSION_STARTED);
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 1));
        ticker.tick();

        // WHEN a delivery fails four days later THEN the subscription stays active
        clock.pin(start.plus(Duration.ofDays(4)));
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 2));
        ticker.tick();
        assertEquals(SubscriptionStatus.ACTIVE, find(sub).status());

        // WHEN one fails five days after the first failure THEN it is disabled
        clock.pin(start.plus(Duration.ofDays(5)).plusSeconds(1));
        events.publish(creatorId, EventTypes.SESSION_STARTED, Map.of("n", 3));
        ticker.tick();
        SubscriptionView view = find(sub);
        assertEquals(SubscriptionStatus.DISABLED, view.status());
        assertTrue(view.disabledReason().contains("5 days"), view.disabledReason());
    }

    /** Pins the clock after every minute the webhook jobs have read, so their catch-up reads this test's minutes. */
    private Instant pinFreshTime() {
        Instant latest = Stream.of(FanOutJob.NAME, DeliveryJob.NAME).map(cursors::get)
                .flatMap(java.util.Optional::stream).reduce(Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
        Instant fresh = latest.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES).plusSeconds(7);
        clock.pin(fresh);
        return fresh;
    }

    private CreatedSubscription subscribe(String path, String... types) {
        return webhooks.create(creatorId, new NewSubscription(receiver.url(path), List.of(types), "test " + path));
    }

    private List<DeliveryAttempt> log(CreatedSubscription sub) {
        List<DeliveryAttempt> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<DeliveryAttempt> page = webhooks.deliveries(creatorId, sub.subscription().id(), PageRequest.of("200", cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private SubscriptionView find(CreatedSubscription sub) {
        return webhooks.list(creatorId, PageRequest.first(200)).items().stream()
                .filter(s -> s.id().equals(sub.subscription().id())).findFirst().orElseThrow();
    }

    /** The signature the Standard Webhooks library computes for this request is among those sent. */
    private static void assertSignedBy(Received r, String secret) {
        try {
            String expected = new Webhook(secret).sign(r.webhookId(), Long.parseLong(r.header("webhook-timestamp")), r.body());
            Set<String> sent = new HashSet<>(List.of(r.header("webhook-signature").split(" ")));
            assertTrue(sent.contains(expected), "signature of " + r.webhookId());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
