package dev.livecue.schedules;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.ServerTiming;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Schedules, occurrences, skip/move, vacation and reminder planning through the API, against DynamoDB Local. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class SchedulesApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Map<String, Object> schedule(String start, String timeZone, String recurrence, List<String> reminders) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Friday night Q&A", "keywords", List.of("qa", "friday"),
                "start", start, "timeZone", timeZone, "thumbnailUrl", "https://cdn.example.com/t.jpg"));
        if (recurrence != null) {
            body.put("recurrence", recurrence);
        }
        if (reminders != null) {
            body.put("reminders", reminders);
        }
        return body;
    }

    @Test
    void weeklyNewYork_shouldStayAt19LocalTime_acrossNovemberDstChange() {
        // GIVEN it is October 2027 (DST in New York ends on Sunday 7 November 2027, between the third and fourth live)
        clock.pin(Instant.parse("2027-10-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("America/New_York");

        // WHEN a weekly Friday 19:00 live is planned over the change
        JsonPath created = creator.request()
                .body(schedule("2027-10-22T19:00", "America/New_York", "FREQ=WEEKLY;BYDAY=FR;COUNT=4", List.of("PT24H", "PT1H", "PT10M")))
                .post("/v1/schedules")
                .then().statusCode(201)
                .body("id", startsWith("sch_"))
                .body("title", equalTo("Friday night Q&A"))
                .body("recurrence", equalTo("FREQ=WEEKLY;BYDAY=FR;COUNT=4"))
                .body("reminders", contains("PT24H", "PT1H", "PT10M"))
                .body("warnings", empty())
                .extract().jsonPath();

        // THEN every occurrence is at 19:00 New York time, and the UTC instant moves by an hour
        assertEquals(List.of("2027-10-22T19:00", "2027-10-29T19:00", "2027-11-05T19:00", "2027-11-12T19:00"),
                created.getList("nextOccurrences.localStart"));
        assertEquals(List.of("2027-10-22T23:00:00Z", "2027-10-29T23:00:00Z", "2027-11-05T23:00:00Z", "2027-11-13T00:00:00Z"),
                created.getList("nextOccurrences.start"));
        assertEquals(List.of("America/New_York"), created.getList("nextOccurrences.timeZone").stream().distinct().toList());
        String id = created.getString("id");
        assertEquals(id + ".2027-11-05", created.getString("nextOccurrences[2].occurrenceId"));
        creator.request().queryParam("from", "2027-10-01T00:00:00Z").queryParam("to", "2027-12-31T00:00:00Z")
                .get("/v1/occurrences")
                .then().statusCode(200)
                .body("items.start", contains("2027-10-22T23:00:00Z", "2027-10-29T23:00:00Z", "2027-11-05T23:00:00Z", "2027-11-13T00:00:00Z"))
                .body("items.status", everyItem(equalTo("scheduled")))
                .body("nextCursor", nullValue());
    }

    @Test
    void dailyBerlinAndKolkata_shouldExpandAtLocalTime() {
        clock.pin(Instant.parse("2027-10-20T12:00:00Z"));
        TestCreator creator = Api.newCreator("Europe/Berlin");

        // Berlin leaves summer time on 31 October 2027 at 03:00 local
        creator.request().body(schedule("2027-10-29T08:00", "Europe/Berlin", "FREQ=DAILY;COUNT=4", null))
                .post("/v1/schedules")
                .then().statusCode(201)
                .body("nextOccurrences.localStart", contains("2027-10-29T08:00", "2027-10-30T08:00", "2027-10-31T08:00", "2027-11-01T08:00"))
                .body("nextOccurrences.start", contains("2027-10-29T06:00:00Z", "2027-10-30T06:00:00Z", "2027-10-31T07:00:00Z", "2027-11-01T07:00:00Z"))
                .body("reminders", contains("PT1H"));
        // Kolkata has no DST and a half-hour offset
        creator.request().body(schedule("2027-10-29T20:30", "Asia/Kolkata", "FREQ=DAILY;INTERVAL=2;UNTIL=20271105T000000Z", null))
                .post("/v1/schedules")
                .then().statusCode(201)
                .body("nextOccurrences.start", contains("2027-10-29T15:00:00Z", "2027-10-31T15:00:00Z", "2027-11-02T15:00:00Z", "2027-11-04T15:00:00Z"))
                .body("nextOccurrences.localStart", everyItem(startsWith("2027-")))
                .body("nextOccurrences.timeZone", everyItem(equalTo("Asia/Kolkata")));
        // both appear in one list, sorted by start
        creator.request().queryParam("from", "2027-10-29T00:00:00Z").queryParam("to", "2027-11-01T00:00:00Z").queryParam("limit", 3)
                .get("/v1/occurrences")
                .then().statusCode(200)
                .body("items.start", contains("2027-10-29T06:00:00Z", "2027-10-29T15:00:00Z", "2027-10-30T06:00:00Z"))
                .body("nextCursor", not(nullValue()));
    }

    @Test
    void occurrences_shouldPageWithCursor() {
        clock.pin(Instant.parse("2027-05-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        creator.request().body(schedule("2027-05-03T18:00", "UTC", "FREQ=DAILY;COUNT=5", null)).post("/v1/schedules").then().statusCode(201);
        String cursor = creator.request().queryParam("limit", 3).get("/v1/occurrences")
                .then().statusCode(200).body("items", hasSize(3)).extract().path("nextCursor");
        creator.request().queryParam("limit", 3).queryParam("cursor", cursor).get("/v1/occurrences")
                .then().statusCode(200)
                .body("items.localStart", contains("2027-05-06T18:00", "2027-05-07T18:00"))
                .body("nextCursor", nullValue());
        creator.request().queryParam("to", "2029-01-01T00:00:00Z").get("/v1/occurrences")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        creator.request().queryParam("from", "yesterday").get("/v1/occurrences")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        // a window at the end of year 9999 would run past the four-digit years the store's date keys sort by
        creator.request().queryParam("from", "9999-12-30T00:00:00Z").queryParam("to", "9999-12-31T00:00:00Z")
                .get("/v1/occurrences").then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void create_shouldBe400NamingTheField_forEachBrokenRule() {
        clock.pin(Instant.parse("2027-06-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("America/New_York");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "FREQ=SECONDLY", null), "recurrence");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "FREQ=DAILY;COUNT=100000", null), "recurrence");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "FREQ=DAILY;BYHOUR=1,2,3", null), "recurrence");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "DTSTART:20270605T190000\nRRULE:FREQ=DAILY", null), "recurrence");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "FREQ=DAILY;INTERVAL=0", null), "recurrence");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "FREQ=DAILY;UNTIL=20300101T000000Z", null), "recurrence");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", null), "recurrence");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", "FREQ=WEEKLY;BYDAY=MO", null), "start");
        assertRejected(creator, schedule("2027-05-31T19:00", "America/New_York", null, null), "start");
        assertRejected(creator, schedule("2027-06-05T19:00:00Z", "America/New_York", null, null), "start");
        // a fraction of a second no calendar would keep
        assertRejected(creator, schedule("2027-06-05T19:00:00.123456789", "America/New_York", null, null), "start");
        // years RFC 3339 cannot write, or no live would be in (java.time reads signed years such as +99999)
        assertRejected(creator, schedule("+999999999-12-31T23:59", "America/New_York", "FREQ=DAILY;COUNT=2", null), "start");
        assertRejected(creator, schedule("+99999-01-10T10:00", "America/New_York", null, null), "start");
        assertRejected(creator, schedule("9999-12-31T23:30", "America/New_York", null, null), "start");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", null,
                List.of("PT5M", "PT10M", "PT15M", "PT20M", "PT25M", "PT30M")), "reminders");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", null, List.of("PT1H", "PT60M")), "reminders");
        assertRejected(creator, schedule("2027-06-05T19:00", "America/New_York", null, List.of("PT1M")), "reminders[0]");
        assertRejected(creator, schedule("2027-06-05T19:00", "Mars/Olympus_Mons", null, null), "timeZone");
        // Java still knows the SystemV zones the tz database dropped; no calendar app does
        assertRejected(creator, schedule("2027-06-05T19:00", "SystemV/EST5", null, null), "timeZone");
        Map<String, Object> longTitle = schedule("2027-06-05T19:00", "America/New_York", null, null);
        longTitle.put("title", "x".repeat(141));
        assertRejected(creator, longTitle, "title");
        Map<String, Object> blankTitle = schedule("2027-06-05T19:00", "America/New_York", null, null);
        blankTitle.put("title", "   ");
        assertRejected(creator, blankTitle, "title");
        // blank to the eye too: a no-break space, a zero-width space, a byte order mark
        for (String invisible : List.of("\u00a0", "\u200b", "\ufeff \u3000")) {
            blankTitle.put("title", invisible);
            assertRejected(creator, blankTitle, "title");
        }
        // a title is one line wherever it shows (a phone, a calendar, a post)
        blankTitle.put("title", "Friday\nQ&A");
        assertRejected(creator, blankTitle, "title");
        creator.request().body("{\"title\": \"x\", \"start\": \"2027-06-05T19:00\", \"durationMinutes\": \"60\"}")
                .post("/v1/schedules").then().statusCode(400).body("errors[0].field", equalTo("durationMinutes"));
        creator.request().body("{\"title\": \"\\ud800 qa\", \"start\": \"2027-06-05T19:00\"}")
                .post("/v1/schedules").then().statusCode(400).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("unpaired surrogate"));
        creator.request().body(schedule("2027-06-05T19:00", "America/New_York", "FREQ=WEEKLY;WKST=XX", null))
                .post("/v1/schedules").then().statusCode(400).body("errors[0].field", equalTo("recurrence"))
                .body("errors[0].message", not(containsString("net.fortuna")));
        // a key given twice: parsers disagree on which value wins, so neither does
        creator.request().body("{\"title\": \"First\", \"start\": \"2027-06-05T19:00\", \"title\": \"Second\"}")
                .post("/v1/schedules").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title")).body("errors[0].message", equalTo("appears more than once"));

        // AND nothing was written
        creator.request().get("/v1/schedules").then().statusCode(200).body("items", empty());
        // while exactly 140 characters after trimming is fine
        longTitle.put("title", "  " + "x".repeat(140) + "  ");
        creator.request().body(longTitle).post("/v1/schedules").then().statusCode(201);
    }

    @Test
    void description_shouldKeepItsLines_readingWindowsLineEndsAsLf() {
        clock.pin(Instant.parse("2027-01-01T00:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        Map<String, Object> body = schedule("2027-01-04T19:00", "UTC", null, null);
        body.put("description", "Setlist:\r\n\t1. Intro\r2. Q&A");
        creator.request().body(body).post("/v1/schedules").then().statusCode(201)
                .body("description", equalTo("Setlist:\n\t1. Intro\n2. Q&A"));
        body.put("description", "bell\u0007");
        assertRejected(creator, body, "description");
    }

    @Test
    void move_shouldBe409_whenItWouldOverlapAnotherLiveOfTheSeries() {
        clock.pin(Instant.parse("2027-01-01T00:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        String id = creator.request().body(schedule("2027-01-06T19:00", "UTC", "FREQ=WEEKLY;COUNT=3", null))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");
        String second = "/v1/schedules/" + id + "/occurrences/" + id + ".2027-01-13";

        // onto the third live's start, or half an hour into it (an hour long): two lives at once
        for (String start : List.of("2027-01-20T19:00", "2027-01-20T19:30", "2027-01-20T18:01")) {
            creator.request().body(Map.of("start", start)).patch(second)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString(id + ".2027-01-20"));
        }
        // right after it ends is fine, and so is its slot once it is cancelled
        creator.request().body(Map.of("start", "2027-01-20T20:00")).patch(second).then().statusCode(200);
        creator.request().post("/v1/schedules/" + id + "/occurrences/" + id + ".2027-01-20/cancel").then().statusCode(200);
        creator.request().body(Map.of("start", "2027-01-20T19:00")).patch(second).then().statusCode(200)
                .body("localStart", equalTo("2027-01-20T19:00"));
    }

    @Test
    void occurrences_shouldShowEachLiveOnce_whenWindowsAreLaidEndToEnd() {
        clock.pin(Instant.parse("2027-01-01T00:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        creator.request().body(schedule("2027-01-02T00:00", "UTC", null, null)).post("/v1/schedules").then().statusCode(201);
        // the live at exactly midnight belongs to the window it starts, not the one that ends there
        creator.request().queryParam("from", "2027-01-01T00:00:00Z").queryParam("to", "2027-01-02T00:00:00Z")
                .get("/v1/occurrences").then().statusCode(200).body("items", empty());
        creator.request().queryParam("from", "2027-01-02T00:00:00Z").queryParam("to", "2027-01-03T00:00:00Z")
                .get("/v1/occurrences").then().statusCode(200).body("items.localStart", contains("2027-01-02T00:00"));
    }

    @Test
    void nextOccurrences_shouldBeTheFirstFive_evenWhenTheyAreYearsApart() {
        clock.pin(Instant.parse("2027-01-01T00:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        // a yearly series: only its first live falls within the year ahead
        String id = creator.request().body(schedule("2027-01-04T19:00", "UTC", "FREQ=YEARLY;COUNT=5", null))
                .post("/v1/schedules").then().statusCode(201)
                .body("nextOccurrences.localStart", contains("2027-01-04T19:00", "2028-01-04T19:00", "2029-01-04T19:00",
                        "2030-01-04T19:00", "2031-01-04T19:00"))
                .extract().path("id");
        creator.request().get("/v1/schedules/" + id).then().statusCode(200)
                .body("nextOccurrences.localStart", hasItem("2031-01-04T19:00"));
        // a one-off a year and a half away
        creator.request().body(schedule("2028-06-01T19:00", "UTC", null, null)).post("/v1/schedules/preview")
                .then().statusCode(200).body("nextOccurrences.localStart", contains("2028-06-01T19:00"));
    }

    @Test
    void recurrence_shouldRefuseWhatRfc5545Forbids_soEveryReaderOfTheRuleGetsTheSameDates() {
        clock.pin(Instant.parse("2027-01-01T00:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        // each of these ical4j would read its own way (MO,MO as each Monday twice, 1MO in a weekly rule as every
        // Monday, 31 February as the 28th) while rrule.js or a calendar app reads it another
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("FREQ=WEEKLY;BYDAY=MO,MO;COUNT=3", "BYDAY lists MO twice");
        refused.put("FREQ=WEEKLY;BYDAY=1MO", "a numbered weekday is only allowed with FREQ=MONTHLY or FREQ=YEARLY");
        refused.put("FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO is out of range");
        refused.put("FREQ=WEEKLY;BYDAY=;COUNT=3", "BYDAY must list weekdays");
        refused.put("FREQ=MONTHLY;BYWEEKNO=5;COUNT=3", "BYWEEKNO is only allowed with FREQ=YEARLY");
        refused.put("FREQ=MONTHLY;BYYEARDAY=32", "BYYEARDAY is only allowed with FREQ=YEARLY");
        refused.put("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY is not allowed with FREQ=WEEKLY");
        refused.put("FREQ=DAILY;BYSETPOS=1", "BYSETPOS picks from the set another BYxxx part makes");
        refused.put("FREQ=DAILY;UNTIL=20270231T000000Z", "UNTIL=20270231T000000Z is not a real UTC date-time");
        refused.put("FREQ=MONTHLY;BYMONTHDAY=1,-31;COUNT=5", "yields 2027-03-01 twice");
        refused.forEach((rule, message) -> creator.request().body(schedule("2027-02-01T19:00", "UTC", rule, null))
                .post("/v1/schedules/preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("recurrence")).body("errors[0].message", containsString(message)));

        // while numbered weekdays and BYSETPOS where RFC 5545 defines them give rrule.js's dates
        creator.request().body(schedule("2027-01-29T19:00", "UTC", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", null))
                .post("/v1/schedules/preview").then().statusCode(200)
                .body("nextOccurrences.localStart", contains("2027-01-29T19:00", "2027-02-26T19:00", "2027-03-26T19:00"));
        creator.request().body(schedule("2027-01-29T19:00", "UTC", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", null))
                .post("/v1/schedules/preview").then().statusCode(200)
                .body("nextOccurrences.localStart", contains("2027-01-29T19:00", "2027-02-26T19:00", "2027-03-31T19:00"));
    }

    private static void assertRejected(TestCreator creator, Map<String, Object> body, String field) {
        creator.request().body(body).post("/v1/schedules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void create_shouldWarnButAccept_whenTitleOrThumbnailAreWeak() {
        clock.pin(Instant.parse("2027-06-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        Map<String, Object> body = schedule("2027-06-01T14:00", "UTC", null, List.of("PT24H", "PT1H"));
        body.put("title", "An evening of acoustic songs and stories with friends");
        body.put("thumbnailUrl", "http://cdn.example.com/page.html");
        JsonPath created = creator.request().body(body).post("/v1/schedules").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("title_too_long", "title_without_keyword", "thumbnail_not_https", "thumbnail_not_image",
                "start_within_first_reminder"), created.getList("warnings.code"));
        assertEquals("reminders", created.getString("warnings.find { it.code == 'start_within_first_reminder' }.field"));
    }

    @Test
    void preview_shouldAnswerWhatCreateWould_withoutStoringAnything() {
        clock.pin(Instant.parse("2027-06-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        Map<String, Object> body = schedule("2027-06-02T19:00", "Europe/Berlin", "FREQ=WEEKLY;BYDAY=WE,FR;COUNT=12", null);
        body.put("title", "Acoustic evening");

        // WHEN the app previews a weekly schedule whose title has none of its keywords
        JsonPath preview = creator.request().body(body).post("/v1/schedules/preview")
                .then().statusCode(200)
                .body("id", nullValue())
                .body("title", equalTo("Acoustic evening"))
                .body("nextOccurrences.localStart", contains("2027-06-02T19:00", "2027-06-04T19:00", "2027-06-09T19:00",
                        "2027-06-11T19:00", "2027-06-16T19:00"))
                .body("nextOccurrences[0].start", equalTo("2027-06-02T17:00:00Z"))
                .body("nextOccurrences.occurrenceId", everyItem(nullValue()))
                .extract().jsonPath();
        assertEquals(List.of("title_without_keyword"), preview.getList("warnings.code"));
        assertEquals("title", preview.getString("warnings[0].field"));

        // THEN creating the same body answers the same occurrences and warnings, now with ids
        JsonPath created = creator.request().body(body).post("/v1/schedules").then().statusCode(201).extract().jsonPath();
        assertEquals(preview.getList("nextOccurrences.start"), created.getList("nextOccurrences.start"));
        assertEquals(preview.getList("warnings"), created.getList("warnings"));

        // AND an invalid draft gets the same 400 naming the field, and no preview was ever stored
        body.put("start", "2027-05-26T19:00");
        creator.request().body(body).post("/v1/schedules/preview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("start"));
        creator.request().get("/v1/schedules").then().statusCode(200)
                .body("items.id", contains(created.getString("id")));
    }

    @Test
    void otherCreatorsSchedule_shouldBe404Everywhere() {
        clock.pin(Instant.parse("2027-06-01T12:00:00Z"));
        TestCreator alice = Api.newCreator("UTC");
        TestCreator bob = Api.newCreator("UTC");
        String id = alice.request().body(schedule("2027-06-03T18:00", "UTC", "FREQ=DAILY;COUNT=3", null))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");

        bob.request().get("/v1/schedules/" + id).then().statusCode(404).contentType("application/problem+json");
        bob.request().body("{\"title\": \"mine now\"}").patch("/v1/schedules/" + id).then().statusCode(404);
        bob.request().post("/v1/schedules/" + id + "/occurrences/" + id + ".2027-06-03/cancel").then().statusCode(404);
        bob.request().body("{\"start\": \"2027-06-03T20:00\"}").patch("/v1/schedules/" + id + "/occurrences/" + id + ".2027-06-03")
                .then().statusCode(404);
        bob.request().delete("/v1/schedules/" + id).then().statusCode(404);
        bob.request().get("/v1/occurrences").then().statusCode(200).body("items", empty());

        alice.request().get("/v1/schedules/" + id).then().statusCode(200).body("title", equalTo("Friday night Q&A"));
    }

    @Test
    void create_shouldPlanEveryReminderOfTheHorizon_forADailyLiveWithFiveReminders() {
        // GIVEN a daily live with the most reminders allowed, the longest a week ahead (one transaction holds them)
        clock.pin(Instant.parse("2027-03-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");

        // WHEN it is created
        String id = creator.request().body(schedule("2027-03-02T18:00", "UTC", "FREQ=DAILY",
                        List.of("PT5M", "PT1H", "PT6H", "P1D", "P7D")))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");

        // THEN the 13 lives within the 14-day horizon (Mar 2 to 14) have their five reminders and a checklist, but
        // for the week-ahead reminders of Mar 2 to 7, which were due before the live was planned
        JsonPath planned = creator.request().get("/v1/schedules/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(13 * 6 - 6, planned.getList("pendingReminders").size());
        // (first due: Mar 2's day-ahead and Mar 8's week-ahead reminders; last: Mar 14's)
        assertEquals(List.of(id + ".2027-03-02", id + ".2027-03-08"),
                planned.getList("pendingReminders.findAll { it.dueAt == '2027-03-01T18:00:00Z' }.occurrenceId").stream().sorted().toList());
        assertEquals(id + ".2027-03-14", planned.getString("pendingReminders[-1].occurrenceId"));
    }

    @Test
    void skipAndMove_shouldChangeOneOccurrence_andReplanItsReminders() {
        // GIVEN a daily live with a one-hour reminder
        clock.pin(Instant.parse("2027-03-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");
        String id = creator.request().body(schedule("2027-03-02T18:00", "UTC", "FREQ=DAILY;COUNT=5", List.of("PT1H")))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");
        JsonPath before = creator.request().get("/v1/schedules/" + id).then().statusCode(200).extract().jsonPath();
        assertTrue(before.getList("pendingReminders.dueAt").contains("2027-03-03T17:00:00Z"));
        assertEquals(10, before.getList("pendingReminders").size(), "a reminder and a checklist per occurrence");

        // WHEN the second one is skipped
        creator.request().post("/v1/schedules/" + id + "/occurrences/" + id + ".2027-03-03/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelledBy", equalTo("creator"));
        // AND the third is moved two hours later
        creator.request().body("{\"start\": \"2027-03-04T20:00\"}")
                .patch("/v1/schedules/" + id + "/occurrences/" + id + ".2027-03-04")
                .then().statusCode(200)
                .body("status", equalTo("moved"))
                .body("start", equalTo("2027-03-04T20:00:00Z"))
                .body("originalStart", equalTo("2027-03-04T18:00:00Z"));

        // THEN the series is unchanged around them and the reminders follow
        creator.request().queryParam("from", "2027-03-01T00:00:00Z").queryParam("to", "2027-03-10T00:00:00Z").get("/v1/occurrences")
                .then().statusCode(200)
                .body("items.occurrenceId", contains(id + ".2027-03-02", id + ".2027-03-03", id + ".2027-03-04", id + ".2027-03-05", id + ".2027-03-06"))
                .body("items.status", contains("scheduled", "cancelled", "moved", "scheduled", "scheduled"));
        JsonPath after = creator.request().get("/v1/schedules/" + id).then().statusCode(200).extract().jsonPath();
        List<String> occurrencesWithReminders = after.getList("pendingReminders.occurrenceId");
        assertTrue(!occurrencesWithReminders.contains(id + ".2027-03-03"), "the skipped one has no reminders left");
        List<String> dues = after.getList("pendingReminders.findAll { it.occurrenceId == '" + id + ".2027-03-04' }.dueAt");
        assertEquals(List.of("2027-03-04T19:00:00Z", "2027-03-04T19:00:00Z"), dues, "reminder and checklist an hour before the new time");
        assertEquals(8, after.getList("pendingReminders").size());

        // AND a move too far or into the past is refused, naming start
        creator.request().body("{\"start\": \"2027-05-04T20:00\"}").patch("/v1/schedules/" + id + "/occurrences/" + id + ".2027-03-05")
                .then().statusCode(400).body("errors[0].field", equalTo("start"));
        creator.request().body("{\"start\": \"2027-02-04T20:00\"}").patch("/v1/schedules/" + id + "/occurrences/" + id + ".2027-03-05")
                .then().statusCode(400).body("errors.field", hasItem("start"));
        creator.request().post("/v1/schedules/" + id + "/occurrences/" + id + ".2027-03-09/cancel").then().statusCode(404);
    }

    @Test
    void vacation_shouldHideOccurrencesAndTheirReminders_untilItEnds() {
        clock.pin(Instant.parse("2027-12-15T12:00:00Z"));
        TestCreator creator = Api.newCreator("America/New_York");
        String id = creator.request().body(schedule("2027-12-17T19:00", "America/New_York", "FREQ=WEEKLY;BYDAY=FR", List.of("PT1H")))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");

        creator.request().body("{\"from\": \"2027-12-20\", \"to\": \"2028-01-03\"}").put("/v1/vacation")
                .then().statusCode(200).body("from", equalTo("2027-12-20")).body("to", equalTo("2028-01-03"));

        creator.request().queryParam("from", "2027-12-16T00:00:00Z").queryParam("to", "2028-01-10T00:00:00Z").get("/v1/occurrences")
                .then().statusCode(200)
                .body("items.localStart", contains("2027-12-17T19:00", "2027-12-24T19:00", "2027-12-31T19:00", "2028-01-07T19:00"))
                .body("items.status", contains("scheduled", "cancelled", "cancelled", "scheduled"))
                .body("items.cancelledBy", contains(nullValue(), equalTo("vacation"), equalTo("vacation"), nullValue()));
        List<String> withReminders = creator.request().get("/v1/schedules/" + id).then().extract().jsonPath()
                .getList("pendingReminders.occurrenceId");
        assertEquals(List.of(id + ".2027-12-17"), withReminders.stream().distinct().toList(),
                "only the live before the vacation has reminders within the horizon");

        creator.request().delete("/v1/vacation").then().statusCode(204);
        creator.request().get("/v1/vacation").then().statusCode(204);
        List<String> restored = creator.request().get("/v1/schedules/" + id).then().extract().jsonPath()
                .getList("pendingReminders.occurrenceId");
        assertTrue(restored.contains(id + ".2027-12-24"));
        creator.request().body("{\"from\": \"2028-01-03\", \"to\": \"2027-12-20\"}").put("/v1/vacation")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        creator.request().body("{\"from\": \"+999999999-12-30\", \"to\": \"+999999999-12-31\"}").put("/v1/vacation")
                .then().statusCode(400).body("errors.field", contains("from", "to"));
        creator.request().get("/v1/vacation").then().statusCode(204);
    }

    @Test
    void vacation_setTwiceAtOnce_shouldLeaveTheRemindersOfTheVacationThatWasStored() throws Exception {
        clock.pin(Instant.parse("2027-12-15T12:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                // GIVEN weekly lives on Friday 17 and Friday 24 December, both within the reminders' horizon
                TestCreator creator = Api.newCreator("UTC");
                String id = creator.request().body(schedule("2027-12-17T19:00", "UTC", "FREQ=WEEKLY;BYDAY=FR", List.of("PT1H")))
                        .post("/v1/schedules").then().statusCode(201).extract().path("id");

                // WHEN a vacation over the first and one over the second are set at the same moment
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> puts = new ArrayList<>();
                for (String day : List.of("2027-12-17", "2027-12-24")) {
                    puts.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return creator.request().body(Map.of("from", day, "to", day)).put("/v1/vacation").statusCode();
                    }));
                }
                for (Future<Integer> put : puts) {
                    assertEquals(200, put.get(30, TimeUnit.SECONDS));
                }

                // THEN the live outside the vacation that was stored has its reminder, the one inside it has none
                String off = creator.request().get("/v1/vacation").then().statusCode(200).extract().path("from");
                String on = off.equals("2027-12-17") ? "2027-12-24" : "2027-12-17";
                List<String> reminded = creator.request().get("/v1/schedules/" + id).then().extract().jsonPath()
                        .getList("pendingReminders.occurrenceId");
                assertEquals(List.of(id + "." + on), reminded.stream().distinct().toList(), "round " + round + ", vacation " + off);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void vacationAndProfile_shouldShapePreviewCreateAndPatch_readTogetherInOneRoundTrip() {
        // GIVEN a creator in New York with its own default reminders, away over the holidays
        clock.pin(Instant.parse("2027-12-15T12:00:00Z"));
        TestCreator creator = Api.newCreator("America/New_York");
        creator.request().body("{\"defaultReminders\": [\"PT2H\", \"PT15M\"]}").patch("/v1/me").then().statusCode(200);
        creator.request().body("{\"from\": \"2027-12-20\", \"to\": \"2028-01-03\"}").put("/v1/vacation").then().statusCode(200);
        Map<String, Object> body = schedule("2027-12-17T19:00", "UTC", "FREQ=WEEKLY;BYDAY=FR", null);
        body.remove("timeZone");
        List<String> expectedStatus = List.of("scheduled", "cancelled", "cancelled", "scheduled", "scheduled");

        // WHEN the app previews a weekly Friday live that names neither a time zone nor reminders
        var previewed = creator.request().body(body).post("/v1/schedules/preview").then().statusCode(200).extract();
        // THEN the profile's zone and the vacation shape it, read with the key and one more call
        assertEquals("America/New_York", previewed.path("timeZone"));
        assertEquals(expectedStatus, previewed.jsonPath().getList("nextOccurrences.status"));
        assertEquals(2, ServerTiming.of(previewed).dynamoCalls(), "the API key, then the profile and vacation together");

        // WHEN it is created THEN the same, and only the live before the vacation has reminders, the profile's two
        var created = creator.request().body(body).post("/v1/schedules").then().statusCode(201).extract();
        String id = created.path("id");
        assertEquals(expectedStatus, created.jsonPath().getList("nextOccurrences.status"));
        assertEquals(4, ServerTiming.of(created).dynamoCalls(),
                "the API key, the profile and vacation, the first live's missed-live watch, the schedule's transaction");
        JsonPath stored = creator.request().get("/v1/schedules/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(id + ".2027-12-17"), stored.getList("pendingReminders.occurrenceId", String.class).stream().distinct().toList());
        assertTrue(stored.getList("pendingReminders.dueAt", String.class)
                .containsAll(List.of("2027-12-17T22:00:00Z", "2027-12-17T23:45:00Z")), stored.prettify());

        // WHEN a patch moves the lives an hour later THEN the vacation still holds the two in it
        creator.request().body("{\"start\": \"2027-12-17T20:00\"}").patch("/v1/schedules/" + id).then().statusCode(200)
                .body("nextOccurrences.localStart[0]", equalTo("2027-12-17T20:00"))
                .body("nextOccurrences.status", equalTo(expectedStatus))
                .body("pendingReminders.occurrenceId", everyItem(equalTo(id + ".2027-12-17")));
    }

    @Test
    void patch_shouldChangeFutureOccurrencesKeepingTheirIds_andDeleteCancelsReminders() {
        clock.pin(Instant.parse("2027-04-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("Europe/Berlin");
        String id = creator.request().body(schedule("2027-04-02T19:00", "Europe/Berlin", "FREQ=WEEKLY;BYDAY=FR;COUNT=3", List.of("PT1H")))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");

        creator.request().contentType("application/merge-patch+json")
                .body("{\"title\": \"Friday music qa late\", \"start\": \"2027-04-02T21:00\", \"reminders\": [\"PT30M\"], \"thumbnailUrl\": null}")
                .patch("/v1/schedules/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Friday music qa late"))
                .body("thumbnailUrl", nullValue())
                .body("nextOccurrences.occurrenceId", contains(id + ".2027-04-02", id + ".2027-04-09", id + ".2027-04-16"))
                .body("nextOccurrences.localStart", contains("2027-04-02T21:00", "2027-04-09T21:00", "2027-04-16T21:00"))
                // the third live is beyond the 14-day reminder horizon: the planner job adds its reminder later
                .body("pendingReminders.findAll { it.kind == 'reminder' }.dueAt",
                        contains("2027-04-02T18:30:00Z", "2027-04-09T18:30:00Z"));
        creator.request().body("{\"start\": null}").patch("/v1/schedules/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("start"));
        creator.request().body("{\"recurrence\": \"FREQ=MINUTELY\"}").patch("/v1/schedules/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("recurrence"));

        creator.request().delete("/v1/schedules/" + id).then().statusCode(204);
        creator.request().get("/v1/schedules/" + id).then().statusCode(404);
        creator.request().get("/v1/occurrences").then().statusCode(200).body("items", empty());
    }
}
