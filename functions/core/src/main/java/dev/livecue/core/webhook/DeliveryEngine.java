package dev.livecue.core.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.events.Event;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.store.DeliveryStore;
import dev.livecue.core.store.SubscriptionStore;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Sends deliveries and decides what follows each attempt: a 2xx settles it, a 410 Gone disables the subscription,
 * anything else (non-2xx, redirect, timeout, refused or blocked connection) is retried on the {@link RetrySchedule}
 * and dead-lettered after the last attempt. A subscription whose deliveries have all failed for five days is
 * disabled. Every attempt, and every decision not to send, goes into the subscription's delivery log.
 */
@ApplicationScoped
public class DeliveryEngine {

    private static final Logger LOG = Logger.getLogger(DeliveryEngine.class);
    static final Duration FAILING_LIMIT = Duration.ofDays(5);
    /**
     * How long after the first of them sent attempts are recorded together: with one more attempt in flight (15 s)
     * that is far inside a lease (2 min by default).
     */
    private static final Duration RECORD_AFTER = Duration.ofSeconds(5);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final Messages messages;
    private final WebhookHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration lease;
    private final RetrySchedule retries;

    DeliveryEngine(DeliveryStore deliveries, SubscriptionStore subscriptions, Messages messages, WebhookHttp http,
            ObjectMapper json, Clock clock, WebhookConfig config) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.lease = config.lease();
        this.retries = new RetrySchedule(config.retryDelays());
    }

    /** A new pass over due deliveries, with its own lease owner id; safe to use from many threads. */
    public Pass pass() {
        return new Pass();
    }

    /** Deliveries made together with their event, already leased to the pass that made them. */
    public record Outbound(List<Delivery> deliveries, List<TransactWriteItem> writes) {
    }

    /** One dispatcher's pass: who holds its leases, and the subscriptions it has read so far. */
    public final class Pass {

        private final String owner = SecretTokens.id("lease_");
        private final Map<String, Optional<Subscription>> known = new ConcurrentHashMap<>();
        private final Map<String, List<Subscription>> byCreator = new ConcurrentHashMap<>();

        /**
         * Claims the delivery at {@code pk}/{@code sk} and sends it if it is still due; empty when it was not this
         * pass's to send (not due yet, settled, or leased by another dispatcher).
         */
        public Optional<Outcome> deliver(String pk, String sk) {
            Instant now = clock.instant();
            return deliveries.claim(pk, sk, owner, now, now.plus(lease)).map(claimed -> sendLeased(List.of(claimed), () -> false).get(0));
        }

        /**
         * The deliveries of {@code event} to each of its creator's subscriptions that wants it, made already
         * leased to this pass, and the writes that record them: written in the transaction that records the event,
         * they are sent by {@link #send} at once instead of by a fan-out and a claim a tick later.
         */
        public Outbound outbound(Event event) {
            Instant now = clock.instant();
            List<Delivery> made = new ArrayList<>();
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Subscription subscription : subscriptions(event.creatorId())) {
                if (subscription.wants(event)) {
                    Delivery delivery = messages.delivery(event, subscription, now);
                    made.add(delivery);
                    writes.add(deliveries.createLeasedWrite(delivery, owner, now, now.plus(lease)));
                }
            }
            return new Outbound(made, writes);
        }

        /**
         * Sends what {@link #outbound} made, once the transaction with its writes has committed, until {@code stop}
         * says the time is up: what is not sent by then stays leased, and the delivery job sends it when the lease
         * ends.
         */
        public void send(List<Outbound> outbound, BooleanSupplier stop) {
            sendLeased(outbound.stream().flatMap(o -> o.deliveries().stream()).toList(), stop);
        }

        private List<Subscription> subscriptions(String creatorId) {
            return byCreator.computeIfAbsent(creatorId, id -> {
                List<Subscription> all = subscriptions.listAll(id);
                all.forEach(subscription -> known.putIfAbsent(key(id, subscription.id()), Optional.of(subscription)));
                return all;
            });
        }

        /**
         * Sends deliveries this pass holds the lease on, one after the other while {@code stop} allows, and records
         * the attempts together: a log entry and a lease update each, many in one transaction, once
         * {@link #RECORD_AFTER} has passed since the first unrecorded one was sent, and at the end (also when
         * something failed). Deliveries {@code stop} leaves unsent are handed back, due for the next pass at once.
         */
        private List<Outcome> sendLeased(List<Delivery> leased, BooleanSupplier stop) {
            List<Outcome> outcomes = new ArrayList<>();
            List<DeliveryStore.Release> releases = new ArrayList<>();
            long firstUnrecorded = System.nanoTime();
            try {
                for (int i = 0; i < leased.size(); i++) {
                    if (stop.getAsBoolean()) {
                        deliveries.handBack(leased.subList(i, leased.size()), owner, clock.instant());
                        break;
                    }
                    Delivery delivery = leased.get(i);
                    Optional<Subscription> subscription = known.computeIfAbsent(key(delivery.creatorId(), delivery.subscriptionId()),
                            k -> subscriptions.find(delivery.creatorId(), delivery.subscriptionId()));
                    if (subscription.isEmpty()) {
                        deliveries.delete(delivery); // the subscription was deleted, and its log with it
                        outcomes.add(Outcome.DEAD_LETTERED);
                        continue;
                    }
                    if (releases.isEmpty()) {
                        firstUnrecorded = System.nanoTime();
                    }
                    DeliveryStore.Release release = attempt(delivery, subscription.get(), clock.instant());
                    releases.add(release);
                    outcomes.add(release.attempt().outcome());
                    if (System.nanoTime() - firstUnrecorded > RECORD_AFTER.toNanos()) {
                        List<DeliveryStore.Release> due = releases;
                        releases = new ArrayList<>();
                        record(due);
                    }
                }
            } finally {
                record(releases);
            }
            return outcomes;
        }

        private void record(List<DeliveryStore.Release> releases) {
            List<Boolean> held = deliveries.release(releases);
            for (int i = 0; i < releases.size(); i++) {
                if (!held.get(i)) {
                    LOG.warnf("Lease on %s lost while sending it; another dispatcher sends it again with the same webhook-id",
                            releases.get(i).delivery().messageId());
                }
            }
        }

        /** Sends one delivery, or decides not to, and says what to record; the subscription's health follows at once. */
        private DeliveryStore.Release attempt(Delivery delivery, Subscription subscription, Instant now) {
            if (subscription.status() == SubscriptionStatus.DISABLED) {
                return unsent(delivery, now, Outcome.DEAD_LETTERED,
                        "not sent: the subscription is disabled (" + subscription.disabledReason() + ")");
            }
            if (delivery.notAfter() != null && now.isAfter(delivery.notAfter())) {
                return unsent(delivery, now, Outcome.EXPIRED, "not sent: too late, the live started at " + delivery.notAfter());
            }
            HttpResult result = post(subscription, delivery, now);
            int attempts = delivery.attempts() + 1;
            Optional<Instant> next = Optional.empty();
            Outcome outcome;
            if (result.succeeded()) {
                outcome = Outcome.DELIVERED;
            } else if (Integer.valueOf(410).equals(result.statusCode())) {
                outcome = Outcome.DEAD_LETTERED;
            } else {
                next = retries.next(attempts, now, result.statusCode(), result.retryAfter());
                outcome = next.isPresent() ? Outcome.RETRYING : Outcome.DEAD_LETTERED;
            }
            DeliveryAttempt attempt = entry(delivery, attempts, now, result.statusCode(), result.error(), result.durationMs(),
                    outcome, next.orElse(null));
            updateHealth(subscription, result, now);
            return next.isPresent() ? deliveries.retryAt(delivery, owner, attempt, next.get())
                    : deliveries.settle(delivery, owner, attempt, outcome);
        }

        private DeliveryStore.Release unsent(Delivery delivery, Instant now, Outcome outcome, String why) {
            return deliveries.settle(delivery, owner, entry(delivery, delivery.attempts(), now, null, why, 0, outcome, null), outcome);
        }

        /** 410 disables at once; a run of failures five days long disables; a success ends the run. */
        private void updateHealth(Subscription subscription, HttpResult result, Instant now) {
            String key = key(subscription.creatorId(), subscription.id());
            if (result.succeeded()) {
                if (subscription.failingSince() != null) {
                    subscriptions.clearFailing(subscription.creatorId(), subscription.id());
                    known.remove(key);
                }
                return;
            }
            Optional<Subscription> updated = Integer.valueOf(410).equals(result.statusCode())
                    ? subscriptions.disable(subscription.creatorId(), subscription.id(), "the receiver answered 410 Gone", now)
                    : subscriptions.markFailing(subscription.creatorId(), subscription.id(), now);
            if (updated.isPresent() && updated.get().status() == SubscriptionStatus.ACTIVE
                    && !updated.get().failingSince().isAfter(now.minus(FAILING_LIMIT))) {
                updated = subscriptions.disable(subscription.creatorId(), subscription.id(),
                        "every delivery failed for " + FAILING_LIMIT.toDays() + " days", now);
            }
            known.put(key, updated);
        }
    }

    /**
     * Sends a {@code webhook.test} event to {@code subscription} now, whatever its status and event types, and
     * logs the attempt. Test events are not retried and do not change the subscription.
     */
    public DeliveryAttempt sendTest(Subscription subscription) {
        Instant now = clock.instant();
        Event event = new Event(SecretTokens.id("evt_"), subscription.creatorId(), EventTypes.WEBHOOK_TEST, now,
                testData(subscription));
        Delivery delivery = messages.delivery(event, subscription, now);
        HttpResult result = post(subscription, delivery, now);
        DeliveryAttempt attempt = entry(delivery, 1, now, result.statusCode(), result.error(), result.durationMs(),
                result.succeeded() ? Outcome.DELIVERED : Outcome.FAILED, null);
        deliveries.log(subscription.creatorId(), subscription.id(), attempt);
        return attempt;
    }

    private HttpResult post(Subscription subscription, Delivery delivery, Instant now) {
        Map<String, String> headers = Signatures.headers(delivery.messageId(), now.getEpochSecond(), delivery.body(),
                subscription.signingSecrets(now));
        return http.post(URI.create(subscription.url()), headers, delivery.body().getBytes(StandardCharsets.UTF_8));
    }

    private String testData(Subscription subscription) {
        try {
            return json.writeValueAsString(Map.of("webhookId", subscription.id(),
                    "message", "A test event from Livecue: this subscription's URL is reachable and signatures can be verified."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static DeliveryAttempt entry(Delivery delivery, int attempt, Instant at, Integer statusCode, String error,
            long durationMs, Outcome outcome, Instant nextAttemptAt) {
        return new DeliveryAttempt(SecretTokens.id("att_"), delivery.messageId(), delivery.eventId(), delivery.eventType(),
                attempt, at, statusCode, error, durationMs, outcome, nextAttemptAt);
    }

    private static String key(String creatorId, String subscriptionId) {
        return creatorId + "/" + subscriptionId;
    }
}
