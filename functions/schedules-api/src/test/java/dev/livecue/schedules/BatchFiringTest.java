package dev.livecue.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.reminder.Reminder;
import dev.livecue.core.reminder.ReminderPlanner;
import dev.livecue.core.store.Attrs;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.ReminderStore;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Firing many reminders in few transactions, against DynamoDB Local: more than one transaction takes, with one
 * reminder among them taken first by someone else, which must leave the others fired and nothing of its own written.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class BatchFiringTest {

    @Inject
    TestClock clock;

    @Inject
    ReminderStore reminders;

    @Inject
    ReminderPlanner planner;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fire_shouldFireEveryReminderStillPending_andWriteNothingOfOneTakenFirst() {
        // GIVEN a daily series planned two weeks ahead, three reminders and the checklist a live: 56 pending
        Instant now = Instant.parse("2027-09-01T08:00:00Z");
        clock.pin(now);
        TestCreator creator = Api.newCreator("UTC");
        String scheduleId = creator.request()
                .body(SchedulesApiTest.schedule("2027-09-01T19:00", "UTC", "FREQ=DAILY;COUNT=14", List.of("PT1H", "PT30M", "PT15M")))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");
        List<Reminder> pending = planner.pending(creator.id(), scheduleId, now);
        assertEquals(56, pending.size());
        // AND one of them is cancelled before the batch is written
        Reminder taken = pending.get(20);
        reminders.cancel(creator.id(), taken.reminderId());

        // WHEN all 56 are fired together, each with two more writes: 168 items, more than one transaction takes
        List<ReminderStore.Firing> firings = new ArrayList<>();
        for (Reminder reminder : pending) {
            firings.add(new ReminderStore.Firing(reminder, "evt_" + reminder.reminderId(),
                    List.of(marker(creator.id(), reminder, "a"), marker(creator.id(), reminder, "b"))));
        }
        List<Boolean> fired = reminders.fire(firings, now);

        // THEN every one but the cancelled one fired, with both its writes, and nothing of the cancelled one exists
        for (int i = 0; i < pending.size(); i++) {
            Reminder reminder = pending.get(i);
            boolean expected = reminder != taken;
            assertEquals(expected, fired.get(i), "fired: " + reminder.reminderId());
            assertEquals(expected, exists(creator.id(), "BATCHTEST#" + reminder.reminderId() + "#a"));
            assertEquals(expected, exists(creator.id(), "BATCHTEST#" + reminder.reminderId() + "#b"));
        }
        assertTrue(planner.pending(creator.id(), scheduleId, now).isEmpty(), "none left pending");
        assertEquals(false, exists(creator.id(), Keys.REMINDER_PREFIX + taken.reminderId()), "the cancelled one stays deleted");
    }

    private TransactWriteItem marker(String creatorId, Reminder reminder, String which) {
        return TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.creator(creatorId)),
                Keys.SK, AttributeValue.fromS("BATCHTEST#" + reminder.reminderId() + "#" + which)))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private boolean exists(String creatorId, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), sk)).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }
}
