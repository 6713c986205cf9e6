package dev.livecue.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.events.Event;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.Attrs;
import dev.livecue.core.store.EventStore;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.ReminderStore;
import dev.livecue.core.reminder.Reminder;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import dev.livecue.testing.WebhookReceiver;
import dev.livecue.testing.WebhookReceiver.Received;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The plan-reminders and fire-reminders jobs, driven by a test clock, against DynamoDB Local. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ReminderJobsTest {

    @Inject
    TestClock clock;

    @Inject
    jakarta.enterprise.inject.Instance<ScheduledJob> jobs;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ReminderStore reminders;

    @BeforeEach
    void neverRanBefore() {
        // Each test starts with dispatchers that have never run: their cursors are shared by the whole table.
        for (String job : List.of("plan-reminders", "fire-reminders")) {
            dynamo.deleteItem(d -> d.tableName(config.table()).key(Attrs.key("JOB#" + job, "CURSOR")));
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ScheduledJob job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    private JobResult fire() {
        return job("fire-reminders").run(Tick.of(clock.instant(), Duration.ofMinutes(2)));
    }

    private List<Event> events(TestCreator creator) {
        List<Event> events = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(config.table()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :e)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.creator(creator.id())),
                        ":e", AttributeValue.fromS(Keys.EVENT_PREFIX))))
                .items().forEach(item -> events.add(EventStore.event(item)));
        return events;
    }

    private String plan(TestCreator creator, String start, String recurrence, List<String> reminders) {
        return creator.request().body(SchedulesApiTest.schedule(start, "UTC", recurrence, reminders))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");
    }

    @Test
    void fire_shouldTurnEachDueReminderIntoExactlyOneEvent() throws Exception {
        // GIVEN a live at 13:30 with reminders an hour and half an hour before, and the checklist an hour before
        Instant t0 = Instant.parse("2028-02-01T12:00:00Z");
        clock.pin(t0);
        TestCreator creator = Api.newCreator("UTC");
        plan(creator, "2028-02-01T13:30", null, List.of("PT1H", "PT30M"));
        fire();

        // WHEN the dispatcher ticks at 12:45, then twice at 13:02:20
        clock.pin(t0.plus(Duration.ofMinutes(45)));
        fire();
        assertEquals(2, events(creator).size(), "the PT1H reminder and the checklist");
        clock.pin(t0.plus(Duration.ofMinutes(62)).plusSeconds(20));
        fire();
        fire();

        // THEN three events, one per reminder
        List<Event> events = events(creator);
        assertEquals(3, events.size());
        assertEquals(2, events.stream().filter(e -> e.type().equals("live.reminder")).count());
        assertEquals(1, events.stream().filter(e -> e.type().equals("live.checklist")).count());
        JsonNode reminder = json.readTree(events.stream().filter(e -> e.type().equals("live.reminder"))
                .filter(e -> e.data().contains("\"PT30M\"")).findFirst().orElseThrow().data());
        assertEquals("Friday night Q&A", reminder.get("title").asText());
        assertEquals("2028-02-01T13:30:00Z", reminder.get("start").asText());
        assertEquals("2028-02-01T13:30", reminder.get("localStart").asText());
        assertEquals("PT28M", reminder.get("startsIn").asText(), "27 min 40 s, to the nearest minute");
        assertEquals("https://www.tiktok.com/@" + creator.handle() + "/live", reminder.get("liveUrl").asText());
        Map<String, Integer> limits = Map.of("x", 280, "instagram", 2200, "facebook", 63206, "discord", 2000,
                "telegram", 4096, "threads", 500, "bluesky", 300);
        limits.forEach((platform, limit) -> {
            String text = reminder.get("promotions").get(platform).asText();
            assertTrue(text.length() <= limit, platform);
            assertTrue(text.contains(reminder.get("liveUrl").asText()) && text.contains("Friday night Q&A"), platform);
        });
        JsonNode checklist = json.readTree(events.stream().filter(e -> e.type().equals("live.checklist")).findFirst().orElseThrow().data());
        assertEquals(List.of("lighting", "background", "internet", "title_and_thumbnail"),
                checklist.get("items").findValues("id").stream().map(JsonNode::asText).toList());
        assertEquals("/#/check", checklist.get("items").get(2).get("link").asText(), "the app's check screen, not an API path");
        creator.request().get("/v1/schedules").then().statusCode(200);
    }

    @Test
    void fire_shouldCutLongTitlesButNeverTheLink() throws Exception {
        Instant t0 = Instant.parse("2028-03-01T12:00:00Z");
        clock.pin(t0);
        TestCreator creator = Api.newCreator("UTC");
        Map<String, Object> body = SchedulesApiTest.schedule("2028-03-01T12:40", "UTC", null, List.of("PT30M"));
        body.put("title", "🎵".repeat(60) + " a very long title with many words that goes on " + "and on ".repeat(4));
        creator.request().body(body).post("/v1/schedules").then().statusCode(201);
        clock.pin(t0.plus(Duration.ofMinutes(11)));
        fire();
        JsonNode reminder = json.readTree(events(creator).stream().filter(e -> e.type().equals("live.reminder"))
                .findFirst().orElseThrow().data());
        String x = reminder.get("promotions").get("x").asText();
        String bluesky = reminder.get("promotions").get("bluesky").asText();
        assertTrue(x.endsWith(reminder.get("liveUrl").asText()) && x.contains("…"), x);
        assertTrue(x.codePoints().map(c -> c <= 0x10FF ? 1 : 2).sum() <= 280, "X weighs emoji double");
        assertTrue(bluesky.length() <= 300 && bluesky.endsWith(reminder.get("liveUrl").asText()));
    }

    @Test
    void fire_shouldSendTheFiredReminderToTheWebhooks_inTheSameTick_once() throws Exception {
        // GIVEN a creator with a webhook for reminders and a live at 13:30 reminded an hour before
        Instant t0 = Instant.parse("2028-05-01T12:00:00Z");
        clock.pin(t0);
        TestCreator creator = Api.newCreator("UTC");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            creator.request().body(Map.of("url", receiver.url("/zap"), "events", List.of("live.reminder")))
                    .post("/v1/webhooks").then().statusCode(201);
            plan(creator, "2028-05-01T13:30", null, List.of("PT1H"));

            // WHEN the fire job runs once after the reminder came due
            clock.pin(t0.plus(Duration.ofMinutes(31)));
            fire();

            // THEN that run sent it, with the event's data, not a fan-out a tick later
            List<Received> got = receiver.received("/zap");
            assertEquals(1, got.size());
            JsonNode body = json.readTree(got.get(0).body());
            assertEquals("live.reminder", body.get("type").asText());
            Event event = events(creator).stream().filter(e -> e.type().equals("live.reminder")).findFirst().orElseThrow();
            assertEquals(json.readTree(event.data()), body.get("data"));
            // and neither the fan-out nor the delivery job sends it again
            for (String name : List.of("fire-reminders", "webhook-fan-out", "webhook-delivery")) {
                job(name).run(Tick.of(clock.instant(), Duration.ofMinutes(2)));
            }
            assertEquals(1, receiver.received("/zap").size());
        }
    }

    @Test
    void fire_shouldProduceOneEventPerReminder_whenTwoDispatchersRunAtOnce() throws Exception {
        Instant t0 = Instant.parse("2028-04-01T11:50:00Z");
        clock.pin(t0);
        TestCreator creator = Api.newCreator("UTC");
        for (int i = 0; i < 3; i++) {
            plan(creator, "2028-04-01T13:0" + i, null, List.of("PT1H", "PT55M", "PT50M"));
        }
        clock.pin(t0.plus(Duration.ofMinutes(30)));

        // WHEN two dispatchers tick at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Callable<JobResult> tick = () -> {
                go.await();
                return fire();
            };
            Future<JobResult> a = pool.submit(tick);
            Future<JobResult> b = pool.submit(tick);
            go.countDown();
            long fired = a.get().counts().getOrDefault("fired", 0L) + b.get().counts().getOrDefault("fired", 0L);

            // THEN every reminder (3 lives x 3 reminders + 3 checklists) became exactly one event
            assertEquals(12, fired);
            assertEquals(12, events(creator).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fire_shouldExpireReminder_whenTheLiveAlreadyStarted() {
        Instant t0 = Instant.parse("2028-05-01T12:00:00Z");
        clock.pin(t0);
        TestCreator creator = Api.newCreator("UTC");
        String id = plan(creator, "2028-05-01T12:30", null, List.of("PT10M"));
        fire();

        // WHEN the dispatcher was down until after the start
        clock.pin(t0.plus(Duration.ofMinutes(35)));
        JobResult result = fire();

        // THEN the reminder is expired and no event is written for it (the one event is the checklist, which the
        // first tick sent at once: the live was planned closer than the checklist's hour)
        assertEquals(1L, result.counts().get("expired"));
        assertEquals(List.of("live.checklist"), events(creator).stream().map(Event::type).toList());
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table()).key(Attrs.key(
                Keys.creator(creator.id()), Keys.REMINDER_PREFIX + id + ".2028-05-01.PT10M."
                        + Instant.parse("2028-05-01T12:20:00Z").getEpochSecond()))).item();
        assertEquals("expired", item.get("status").s());
        assertTrue(!item.containsKey(Keys.GSI1_PK), "out of the due index");
    }

    @Test
    void plan_shouldSendTheChecklistAtOnce_forALivePlannedCloserThanItsLead_once() {
        // GIVEN a live planned at 12:00 for 12:30 (the checklist's hour has passed) and one for 12:04
        Instant t0 = Instant.parse("2028-05-02T12:00:00Z");
        clock.pin(t0);
        TestCreator creator = Api.newCreator("UTC");
        String soon = plan(creator, "2028-05-02T12:30", null, List.of("PT10M"));
        plan(creator, "2028-05-02T12:04", null, List.of("PT5M"));

        // WHEN the dispatcher ticks, the first live's reminder is changed (its reminders are planned again, and the
        // checklist's planned time moves with the smallest offset), and it ticks twice more
        clock.pin(t0.plusSeconds(40));
        fire();
        creator.request().body(Map.of("reminders", List.of("PT20M"))).patch("/v1/schedules/" + soon)
                .then().statusCode(200);
        clock.pin(t0.plusSeconds(100));
        fire();
        fire();

        // THEN the first live's checklist was sent once, at the first tick; the second live, four minutes away, got none
        List<Event> events = events(creator);
        assertEquals(List.of("live.checklist"), events.stream().map(Event::type).toList());
        assertTrue(events.get(0).data().contains(soon), "the checklist of the live at 12:30");
    }

    @Test
    void plan_shouldMoveAPendingChecklist_whenTheSmallestReminderChanges() {
        // GIVEN a live at 15:00 reminded two hours before, so its checklist is due with that reminder, at 13:00
        clock.pin(Instant.parse("2028-05-03T12:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        String id = plan(creator, "2028-05-03T15:00", null, List.of("PT2H"));

        // WHEN the reminder becomes 90 minutes before
        creator.request().body(Map.of("reminders", List.of("PT90M"))).patch("/v1/schedules/" + id).then().statusCode(200);

        // THEN the checklist is pending once, with it, at 13:30
        List<Map<String, Object>> pending = creator.request().get("/v1/schedules/" + id).then().statusCode(200)
                .extract().jsonPath().getList("pendingReminders");
        assertEquals(List.of("2028-05-03T13:30:00Z"), pending.stream().filter(r -> "checklist".equals(r.get("kind")))
                .map(r -> r.get("dueAt")).toList());
    }

    @Test
    void fire_shouldCatchUpMissedMinutes() {
        // GIVEN a dispatcher that ran at 12:00, and reminders due at 12:05, 12:15 and 12:25
        Instant t0 = Instant.parse("2028-06-01T12:00:00Z");
        clock.pin(t0);
        fire();
        TestCreator creator = Api.newCreator("UTC");
        plan(creator, "2028-06-01T14:00", null, List.of("PT1H55M", "PT1H45M", "PT1H35M"));

        // WHEN it is down for 30 minutes and ticks once
        clock.pin(t0.plus(Duration.ofMinutes(30)));
        JobResult result = fire();

        // THEN everything due meanwhile fired (the checklist goes with the smallest reminder, at 12:25)
        assertEquals(4L, result.counts().get("fired"));
        assertEquals(4, events(creator).size());
    }

    @Test
    void fire_shouldCatchUpALongOutage_overSeveralTicks() {
        // GIVEN a dispatcher that ran at 12:00, and reminders due at 12:10 and 13:40
        Instant t0 = Instant.parse("2028-06-02T12:00:00Z");
        clock.pin(t0);
        fire();
        TestCreator creator = Api.newCreator("UTC");
        plan(creator, "2028-06-02T14:00", null, List.of("PT1H50M", "PT20M"));

        // WHEN it comes back at 13:50: one tick reads at most an hour of missed minutes
        clock.pin(t0.plus(Duration.ofMinutes(110)));
        assertEquals(1L, fire().counts().get("fired"), "12:00 to 12:59 first");
        assertEquals(2L, fire().counts().get("fired"), "then 13:00 to 13:50: the PT20M reminder and the checklist");
        assertEquals(3, events(creator).size());
    }

    @Test
    void plan_shouldExtendTheHorizonOfRecurringSchedules() {
        Instant t0 = Instant.parse("2028-07-01T12:00:00Z");
        clock.pin(t0);
        TestCreator creator = Api.newCreator("UTC");
        String id = plan(creator, "2028-07-02T18:00", "FREQ=DAILY", List.of("PT1H"));
        // (read from the store: the mock Lambda event server of the tests hangs on answers over ~8 KB, quarkus#44551)
        List<Instant> before = reminders.pending(creator.id(), id, LocalDate.parse("2028-06-01")).stream().map(Reminder::dueAt).toList();
        assertEquals(Instant.parse("2028-07-14T17:00:00Z"), before.get(before.size() - 1), "planned 14 days ahead");

        // WHEN six days later the planner ticks (the schedule is listed for then)
        clock.pin(t0.plus(Duration.ofDays(6)).plus(Duration.ofMinutes(1)));
        JobResult result = job("plan-reminders").run(Tick.of(clock.instant(), Duration.ofMinutes(2)));

        // THEN the horizon moved: reminders exist 14 days ahead of the new now
        assertEquals(1L, result.counts().get("planned"));
        List<Instant> after = reminders.pending(creator.id(), id, LocalDate.parse("2028-06-01")).stream().map(Reminder::dueAt).toList();
        assertEquals(Instant.parse("2028-07-20T17:00:00Z"), after.get(after.size() - 1));
    }
}
