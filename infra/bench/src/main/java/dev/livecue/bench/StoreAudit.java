package dev.livecue.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A drill's look at what the dispatcher left in the table, read with one Query per creator partition (everything a
 * creator owns lives under {@code CREATOR#<id>}): the invariants the stores keep between a reminder, its event, the
 * event's delivery and the delivery's log, so that a crash or an outage in the middle of a write shows up as a
 * half-written chain. Item and attribute names are the stores' (see {@code Keys}, {@code ReminderStore},
 * {@code EventStore}, {@code DeliveryStore}); the drill reads them as an operator would, without the code under test.
 */
final class StoreAudit {

    private static final String REMINDER = "REMINDER#";
    private static final String EVENT = "EVENT#";
    private static final String DELIVERY = "DELIVERY#";
    private static final String LOG = "WHLOG#";

    /**
     * The counts of one audit. The first group must be 0 at any moment (writes that belong together are all there or
     * all missing); the second must be 0 once the dispatcher is done with the due work.
     */
    record Findings(int firedReminders, int events, int deliveries, int deliveredWithoutLog, int firedWithoutEvent,
            int eventsWithoutFiredReminder, int deliveriesWithoutEvent, int reminderEventsWithoutDelivery,
            int dueRemindersPending, int eventsNotFannedOut, int deliveriesUnsettled, long attemptsRecorded) {

        /** Nothing half-written: every chain that was started is complete. */
        boolean consistent() {
            return firedWithoutEvent == 0 && eventsWithoutFiredReminder == 0 && deliveriesWithoutEvent == 0
                    && deliveredWithoutLog == 0;
        }

        /** No due work left: every due reminder fired, fanned out, and its delivery settled. */
        boolean settled() {
            return dueRemindersPending == 0 && eventsNotFannedOut == 0 && reminderEventsWithoutDelivery == 0
                    && deliveriesUnsettled == 0;
        }

        String halfWritten() {
            return "fired reminder without its event " + firedWithoutEvent + ", event without its fired reminder "
                    + eventsWithoutFiredReminder + ", delivery without its event " + deliveriesWithoutEvent
                    + ", delivered without a log entry " + deliveredWithoutLog;
        }

        String leftOver() {
            return "due reminders pending " + dueRemindersPending + ", events not fanned out " + eventsNotFannedOut
                    + ", reminder events without delivery " + reminderEventsWithoutDelivery + ", deliveries unsettled "
                    + deliveriesUnsettled;
        }
    }

    private StoreAudit() {
    }

    static Findings audit(DynamoDbClient client, Collection<DueLives.Creator> creators, Instant now) {
        Map<String, Map<String, AttributeValue>> reminders = new HashMap<>();
        Map<String, Map<String, AttributeValue>> events = new HashMap<>();
        Map<String, Map<String, AttributeValue>> deliveries = new HashMap<>();
        Set<String> loggedDelivered = new HashSet<>();
        for (DueLives.Creator creator : creators) {
            for (Map<String, AttributeValue> item : partition(client, creator.id())) {
                String sk = item.get("sk").s();
                String key = creator.id() + "/" + sk;
                if (sk.startsWith(REMINDER)) {
                    reminders.put(key, item);
                } else if (sk.startsWith(EVENT)) {
                    events.put(creator.id() + "/" + sk.substring(EVENT.length()), item);
                } else if (sk.startsWith(DELIVERY)) {
                    deliveries.put(key, item);
                } else if (sk.startsWith(LOG) && "delivered".equals(s(item, "outcome"))) {
                    loggedDelivered.add(s(item, "messageId"));
                }
            }
        }
        int fired = 0;
        int firedWithoutEvent = 0;
        int duePending = 0;
        Set<String> eventsOfFired = new HashSet<>();
        for (Map.Entry<String, Map<String, AttributeValue>> entry : reminders.entrySet()) {
            Map<String, AttributeValue> reminder = entry.getValue();
            String creator = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            String status = s(reminder, "status");
            if ("fired".equals(status)) {
                fired++;
                String event = creator + "/" + s(reminder, "eventId");
                eventsOfFired.add(event);
                if (!events.containsKey(event)) {
                    firedWithoutEvent++;
                }
            } else if ("pending".equals(status) && !Instant.parse(s(reminder, "dueAt")).isAfter(now)) {
                duePending++;
            }
        }
        Set<String> eventsDelivered = new HashSet<>();
        int withoutEvent = 0;
        int unsettled = 0;
        int deliveredWithoutLog = 0;
        long attempts = 0;
        for (Map.Entry<String, Map<String, AttributeValue>> entry : deliveries.entrySet()) {
            Map<String, AttributeValue> delivery = entry.getValue();
            String event = entry.getKey().substring(0, entry.getKey().indexOf('/')) + "/" + s(delivery, "eventId");
            eventsDelivered.add(event);
            if (!events.containsKey(event)) {
                withoutEvent++;
            }
            String status = s(delivery, "status");
            if (!"delivered".equals(status)) {
                unsettled++;
            } else if (!loggedDelivered.contains(s(delivery, "messageId"))) {
                deliveredWithoutLog++;
            }
            attempts += Long.parseLong(delivery.get("attempts").n());
        }
        int notFannedOut = 0;
        int reminderEventsWithoutDelivery = 0;
        for (Map.Entry<String, Map<String, AttributeValue>> entry : events.entrySet()) {
            Map<String, AttributeValue> event = entry.getValue();
            if (event.containsKey("gsi1pk")) {
                notFannedOut++;
            } else if ("live.reminder".equals(s(event, "eventType")) && !eventsDelivered.contains(entry.getKey())) {
                reminderEventsWithoutDelivery++;
            }
        }
        // Reminders are the only source of events in a drill's partitions: each event must have fired one.
        List<String> orphanEvents = new ArrayList<>(events.keySet());
        orphanEvents.removeAll(eventsOfFired);
        return new Findings(fired, events.size(), deliveries.size(), deliveredWithoutLog, firedWithoutEvent,
                orphanEvents.size(), withoutEvent, reminderEventsWithoutDelivery, duePending, notFannedOut, unsettled, attempts);
    }

    /** The keys of every item the creators own, to check later that none was lost. */
    static Set<String> keys(DynamoDbClient client, Collection<DueLives.Creator> creators) {
        Set<String> keys = new HashSet<>();
        for (DueLives.Creator creator : creators) {
            partition(client, creator.id()).forEach(item -> keys.add(item.get("pk").s() + " " + item.get("sk").s()));
        }
        return keys;
    }

    private static List<Map<String, AttributeValue>> partition(DynamoDbClient client, String creatorId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.queryPaginator(q -> q.tableName(BenchStack.TABLE).keyConditionExpression("pk = :pk").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CREATOR#" + creatorId))))
                .items().forEach(items::add);
        return items;
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
