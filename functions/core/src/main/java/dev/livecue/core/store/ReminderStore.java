package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.reminder.Reminder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Planned reminders under the creator's partition ({@code REMINDER#<reminderId>}). A pending reminder is listed in
 * the due-work index at its due minute; firing, expiring or cancelling it is a conditional write on
 * {@code status = pending} that also takes it out of the index, so exactly one of two racing dispatchers (or a
 * dispatcher and a re-plan) wins. Finished reminders are kept for 30 days after their live, then expire by TTL.
 */
@ApplicationScoped
public class ReminderStore {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final String A_ID = "reminderId";
    private static final String A_SCHEDULE_ID = "scheduleId";
    private static final String A_OCCURRENCE_ID = "occurrenceId";
    private static final String A_KIND = "kind";
    private static final String A_OFFSET = "offset";
    private static final String A_DUE_AT = "dueAt";
    private static final String A_OCCURRENCE_START = "occurrenceStart";
    private static final String A_STATUS = "status";
    private static final String A_FINISHED_AT = "finishedAt";
    private static final String A_EVENT_ID = "eventId";
    private static final String PENDING = status(Reminder.Status.PENDING);

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    ReminderStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** Writes a newly planned reminder unless one with its id exists already (pending or finished). */
    public void plan(Reminder reminder) {
        try {
            dynamo.putItem(p -> p.tableName(table()).item(item(reminder)).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyPlanned) {
            // planned before, by this request's twin or the planner job: the item stands
        }
    }

    /** The write of a new pending reminder, for a transaction that writes it with what it belongs to. */
    public TransactWriteItem planWrite(Reminder reminder) {
        return TransactWriteItem.builder().put(p -> p.tableName(table()).item(item(reminder))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static Map<String, AttributeValue> item(Reminder reminder) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(reminder.creatorId())));
        item.put(Keys.SK, s(Keys.REMINDER_PREFIX + reminder.reminderId()));
        item.put(Keys.TYPE, s("reminder"));
        item.put(Keys.GSI1_PK, s(Keys.dueBucket(reminder.dueAt(), Keys.dueShard(reminder.reminderId()))));
        item.put(Keys.GSI1_SK, s(Keys.REMINDER_PREFIX + reminder.dueAt() + "#" + reminder.reminderId()));
        item.put(A_ID, s(reminder.reminderId()));
        item.put(A_SCHEDULE_ID, s(reminder.scheduleId()));
        item.put(A_OCCURRENCE_ID, s(reminder.occurrenceId()));
        item.put(A_KIND, s(reminder.kind().json()));
        Attrs.putIfPresent(item, A_OFFSET, reminder.offset());
        item.put(A_DUE_AT, instant(reminder.dueAt()));
        item.put(A_OCCURRENCE_START, instant(reminder.occurrenceStart()));
        item.put(A_STATUS, s(PENDING));
        return item;
    }

    /** Pending reminders of a schedule's occurrences planned on or after {@code fromDate}, by due time. */
    public List<Reminder> pending(String creatorId, String scheduleId, LocalDate fromDate) {
        String prefix = Keys.REMINDER_PREFIX + scheduleId + ".";
        QueryRequest query = QueryRequest.builder().tableName(table())
                .keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                .filterExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", A_STATUS))
                .expressionAttributeValues(Map.of(":pk", s(Keys.creator(creatorId)), ":a", s(prefix + fromDate),
                        ":b", s(prefix + "~"), ":pending", s(PENDING)))
                .consistentRead(true).build();
        List<Reminder> found = new ArrayList<>();
        dynamo.queryPaginator(query).items().forEach(item -> found.add(reminder(creatorId, item)));
        found.sort((a, b) -> a.dueAt().compareTo(b.dueAt()));
        return found;
    }

    /** Deletes a reminder that is still pending; one that fired meanwhile stays as it is. */
    public void cancel(String creatorId, String reminderId) {
        try {
            dynamo.deleteItem(d -> d.tableName(table())
                    .key(Attrs.key(Keys.creator(creatorId), Keys.REMINDER_PREFIX + reminderId))
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", A_STATUS))
                    .expressionAttributeValues(Map.of(":pending", s(PENDING))));
        } catch (ConditionalCheckFailedException finished) {
            // fired or expired first: nothing to cancel
        }
    }

    /** A pending reminder to mark fired with its event, and the writes that go with it (the event, its deliveries). */
    public record Firing(Reminder reminder, String eventId, List<TransactWriteItem> writes) {
    }

    /**
     * Marks pending reminders fired, each with its writes, in as few transactions as DynamoDB's limit of items per
     * transaction allows: one call for a batch of reminders instead of one each. A reminder another dispatcher (or
     * a cancellation) got to first is left out, and nothing of it is written. One answer per firing, in order:
     * whether it fired; {@link PartialWriteException} when a later transaction failed after earlier ones fired.
     */
    public List<Boolean> fire(List<Firing> firings, Instant now) {
        List<List<TransactWriteItem>> units = new ArrayList<>();
        for (Firing firing : firings) {
            List<TransactWriteItem> unit = new ArrayList<>(List.of(claim(firing, now)));
            unit.addAll(firing.writes());
            units.add(unit);
        }
        return TransactionBatches.write(dynamo, units);
    }

    private TransactWriteItem claim(Firing firing, Instant now) {
        Finish finish = finish(firing.reminder(), Reminder.Status.FIRED, now, firing.eventId());
        return TransactWriteItem.builder().update(u -> u.tableName(table()).key(finish.key())
                .updateExpression(finish.update()).conditionExpression(finish.condition())
                .expressionAttributeNames(finish.names()).expressionAttributeValues(finish.values())).build();
    }

    /** Marks a pending reminder expired or cancelled without an event; false if it was no longer pending. */
    public boolean close(Reminder reminder, Reminder.Status status, Instant now) {
        Finish finish = finish(reminder, status, now, null);
        try {
            dynamo.updateItem(u -> u.tableName(table()).key(finish.key())
                    .updateExpression(finish.update()).conditionExpression(finish.condition())
                    .expressionAttributeNames(finish.names()).expressionAttributeValues(finish.values()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The update that ends a pending reminder: its final status, out of the due index, a TTL. */
    private record Finish(Map<String, AttributeValue> key, String update, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
    }

    private Finish finish(Reminder reminder, Reminder.Status status, Instant now, String eventId) {
        Map<String, String> names = new HashMap<>(Map.of("#status", A_STATUS, "#at", A_FINISHED_AT,
                "#ttl", Keys.EXPIRES_AT, "#gpk", Keys.GSI1_PK, "#gsk", Keys.GSI1_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pending", s(PENDING), ":status", s(status(status)),
                ":at", instant(now), ":ttl", n(reminder.occurrenceStart().plus(RETENTION).getEpochSecond())));
        String set = "SET #status = :status, #at = :at, #ttl = :ttl";
        if (eventId != null) {
            names.put("#event", A_EVENT_ID);
            values.put(":event", s(eventId));
            set += ", #event = :event";
        }
        return new Finish(Attrs.key(Keys.creator(reminder.creatorId()), Keys.REMINDER_PREFIX + reminder.reminderId()),
                set + " REMOVE #gpk, #gsk", "#status = :pending", names, values);
    }

    static Reminder reminder(String creatorId, Map<String, AttributeValue> item) {
        return new Reminder(str(item, A_ID), creatorId, str(item, A_SCHEDULE_ID), str(item, A_OCCURRENCE_ID),
                Reminder.Kind.valueOf(str(item, A_KIND).toUpperCase(Locale.ROOT)), str(item, A_OFFSET),
                instant(item, A_DUE_AT), instant(item, A_OCCURRENCE_START),
                Reminder.Status.valueOf(str(item, A_STATUS).toUpperCase(Locale.ROOT)));
    }

    private static String status(Reminder.Status status) {
        return status.json();
    }

    private String table() {
        return config.table();
    }
}
