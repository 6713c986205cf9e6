package dev.livecue.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.events.Event;
import dev.livecue.core.jobs.BoundedWork;
import dev.livecue.core.jobs.CatchUpWindows;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.TickBudget;
import dev.livecue.core.store.DeliveryStore;
import dev.livecue.core.store.DueIndex;
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

    private final DueIndex index;
    private final CatchUpWindows windows;
    private final EventStore events;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final Messages messages;
    private final TickBudget budget;

    FanOutJob(DueIndex index, CatchUpWindows windows, EventStore events, SubscriptionStore subscriptions,
            DeliveryStore deliveries, Messages messages, TickBudget budget) {
        this.index = index;
        this.windows = windows;
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.messages = messages;
        this.budget = budget;
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
    public JobResult run(Instant now) {
        long started = System.nanoTime();
        CatchUpWindows.Window window = windows.open(NAME, now);
        Map<String, List<Subscription>> byCreator = new ConcurrentHashMap<>();
        BoundedWork.Result result = BoundedWork.run(NAME, window.read(index, Keys.EVENT_PREFIX),
                budget.concurrency(), budget.left(now), due -> {
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
        if (result.complete()) {
            windows.close(window);
        }
        return new JobResult(NAME, result.report(), (System.nanoTime() - started) / 1_000_000, null);
    }
}
