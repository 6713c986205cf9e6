package dev.livecue.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.events.Event;
import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.DeliveryStore;
import dev.livecue.core.store.EventStore;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.SubscriptionStore;

/**
 * Turns each new event of the outbox into one delivery per matching active subscription, due at once, then takes
 * the event out of the due-work index. The deliveries are conditional puts keyed by event and subscription, so two
 * dispatchers fanning out the same event, or one doing it again after a crash, still make one delivery each.
 */
@ApplicationScoped
public class FanOutJob implements ScheduledJob {

    public static final String NAME = "webhook-fan-out";

    private final DueWork work;
    private final EventStore events;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final Messages messages;

    FanOutJob(DueWork work, EventStore events, SubscriptionStore subscriptions,
            DeliveryStore deliveries, Messages messages) {
        this.work = work;
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** After the jobs that publish events (reminders), before the delivery job sends what this one makes. */
    @Override
    public int order() {
        return 50;
    }

    @Override
    public JobResult run(Tick tick) {
        Instant now = tick.now();
        Map<String, List<Subscription>> byCreator = new ConcurrentHashMap<>();
        return work.run(NAME, Keys.EVENT_PREFIX, tick, due -> {
                    String creatorId = Keys.creatorOf(due.pk());
                    String eventId = due.sk().substring(Keys.EVENT_PREFIX.length());
                    Optional<Event> event = events.find(creatorId, eventId);
                    long made = 0;
                    if (event.isPresent()) {
                        for (Subscription subscription : byCreator.computeIfAbsent(creatorId, subscriptions::listAll)) {
                            if (subscription.wants(event.get())
                                    && deliveries.createIfAbsent(messages.delivery(event.get(), subscription, now), now)) {
                                made++;
                            }
                        }
                    }
                    events.markFannedOut(creatorId, eventId);
                    return made == 0 ? "eventsWithoutDeliveries" : "eventsFannedOut";
                });
    }
}
