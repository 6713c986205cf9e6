package dev.livecue.core.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.idempotency.NewIds;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.store.ConcurrentUpdateException;
import dev.livecue.core.store.DeliveryStore;
import dev.livecue.core.store.SubscriptionStore;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/**
 * Webhook subscriptions of a creator: the URL rules ({@link WebhookTargets}), event types from the contract, and
 * secrets in the Standard Webhooks format ({@code whsec_} + base64 of 32 random bytes), shown only when made.
 */
@ApplicationScoped
public class SubscriptionService {

    /** How long the previous secret keeps signing after a rotation, so receivers can switch without losing a message. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    static final int MAX_DESCRIPTION = 256;
    private static final int SECRET_BYTES = 32;
    /** Creates and deletes racing others are tried this often before the caller is asked to retry. */
    private static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final DeliveryStore deliveries;
    private final WebhookTargets targets;
    private final DeliveryEngine engine;
    private final WebhookConfig config;
    private final NewIds ids;
    private final Clock clock;

    SubscriptionService(SubscriptionStore store, DeliveryStore deliveries, WebhookTargets targets, DeliveryEngine engine,
            WebhookConfig config, NewIds ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.deliveries = deliveries;
        this.targets = targets;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
    }

    public CreatedSubscription create(String creatorId, NewSubscription request) {
        String id = ids.next("wh_");
        // an earlier attempt's subscription is answered with its secret, as the first answer would have been
        return ids.once(() -> createNew(creatorId, id, request),
                () -> store.find(creatorId, id).map(earlier -> new CreatedSubscription(earlier.view(), earlier.secret())));
    }

    private CreatedSubscription createNew(String creatorId, String id, NewSubscription request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        Violations v = new Violations();
        String url = targets.validate(v, "url", request.url()).map(URI::toString).orElse(null);
        List<String> events = events(v, request.events());
        String description = request.description() == null ? null
                : Fields.paragraphs(v, "description", request.description(), MAX_DESCRIPTION).orElse(null);
        v.throwIfAny();
        Instant now = clock.instant();
        String secret = newSecret();
        Subscription subscription = new Subscription(id, creatorId, url, events, description,
                SubscriptionStatus.ACTIVE, null, secret, null, null, null, now, now);
        // counted, then written only if no other create or delete changed the set since: creates sent at once are
        // each counted with the others that got in first, so the set fills to the limit and not beyond
        return whileRacing(() -> {
            long seen = store.setVersion(creatorId);
            if (store.listAll(creatorId).size() >= config.maxSubscriptions()) {
                throw tooMany();
            }
            store.create(subscription, seen);
            return new CreatedSubscription(subscription.view(), secret);
        });
    }

    private ApiException tooMany() {
        return ApiException.conflict("A creator can have at most " + config.maxSubscriptions()
                + " webhook subscriptions; delete one first");
    }

    public Page<SubscriptionView> list(String creatorId, PageRequest page) {
        return store.list(creatorId, page).map(Subscription::view);
    }

    public void delete(String creatorId, String id) {
        if (!whileRacing(() -> store.delete(creatorId, id))) {
            throw notFound(id);
        }
    }

    /** {@code change} of the creator's set, sent again while other creates or deletes are written at the same moment. */
    private static <T> T whileRacing(Supplier<T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return change.get();
            } catch (ConcurrentUpdateException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw ApiException.concurrentUpdate("Other subscriptions were added or deleted at the same moment;"
                            + " nothing was changed, send this request again");
                }
            }
        }
    }

    public RotatedSecret rotateSecret(String creatorId, String id) {
        Instant now = clock.instant();
        String secret = newSecret();
        Instant previousUntil = now.plus(ROTATION_OVERLAP);
        store.rotateSecret(creatorId, id, secret, previousUntil, now).orElseThrow(() -> notFound(id));
        return new RotatedSecret(id, secret, previousUntil);
    }

    public SubscriptionView enable(String creatorId, String id) {
        return store.enable(creatorId, id, clock.instant()).orElseThrow(() -> notFound(id)).view();
    }

    public DeliveryAttempt sendTest(String creatorId, String id) {
        return engine.sendTest(find(creatorId, id));
    }

    public Page<DeliveryAttempt> deliveries(String creatorId, String id, PageRequest page) {
        find(creatorId, id);
        if (!page.afterMatches(DeliveryStore.logPrefix(id))) {
            throw ApiException.invalid("cursor", "is not a cursor of this subscription's deliveries");
        }
        return deliveries.attempts(creatorId, id, page);
    }

    private Subscription find(String creatorId, String id) {
        return store.find(creatorId, id).orElseThrow(() -> notFound(id));
    }

    private static List<String> events(Violations v, List<String> events) {
        if (events == null || events.isEmpty()) {
            v.add("events", "must list at least one event type of " + new TreeSet<>(EventTypes.ALL));
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        Set<String> unknown = new TreeSet<>();
        for (String event : events) {
            if (event == null || !EventTypes.ALL.contains(event)) {
                unknown.add(String.valueOf(event));
            } else {
                distinct.add(event);
            }
        }
        v.check(unknown.isEmpty(), "events", "unknown event types " + unknown + "; known are " + new TreeSet<>(EventTypes.ALL));
        return List.copyOf(distinct);
    }

    private static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Webhook subscription " + id);
    }
}
