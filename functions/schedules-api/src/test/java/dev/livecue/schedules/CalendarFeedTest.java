package dev.livecue.schedules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.LastModified;

/** The public iCalendar feed: parsed with ical4j and compared with GET /v1/occurrences. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class CalendarFeedTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void feed_shouldParseWithIcal4j_andMatchTheOccurrences() throws Exception {
        // GIVEN a weekly New York live across the DST change, one skipped and one moved, and a Berlin one-off
        clock.pin(Instant.parse("2027-10-20T12:00:00Z"));
        TestCreator creator = Api.newCreator("America/New_York");
        String weekly = creator.request().body(SchedulesApiTest.schedule("2027-10-22T19:00", "America/New_York",
                "FREQ=WEEKLY;BYDAY=FR;COUNT=4", null)).post("/v1/schedules").then().statusCode(201).extract().path("id");
        creator.request().body(SchedulesApiTest.schedule("2027-11-03T20:00", "Europe/Berlin", null, null))
                .post("/v1/schedules").then().statusCode(201);
        creator.request().post("/v1/schedules/" + weekly + "/occurrences/" + weekly + ".2027-10-29/cancel").then().statusCode(200);
        creator.request().body("{\"start\": \"2027-11-06T18:00\"}")
                .patch("/v1/schedules/" + weekly + "/occurrences/" + weekly + ".2027-11-05").then().statusCode(200);
        JsonPath occurrences = creator.request().queryParam("from", "2027-10-13T12:00:00Z").queryParam("to", "2028-06-01T00:00:00Z")
                .get("/v1/occurrences").then().statusCode(200).extract().jsonPath();

        // WHEN the feed is fetched without an API key
        String url = creator.request().get("/v1/calendar").then().statusCode(200)
                .body("feedToken", startsWith("cal_")).body("url", endsWith(".ics")).extract().path("url");
        String ics = given().get(url).then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asString();

        // THEN it is RFC 5545 text that ical4j parses, with VTIMEZONEs and one event per occurrence
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), "CRLF line ends");
        assertTrue(longestLineOctets(ics) <= 75, "folded at 75 octets");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertEquals("2.0", calendar.getProperty("VERSION").orElseThrow().getValue());
        assertTrue(calendar.getProperty("PRODID").orElseThrow().getValue().contains("Livecue"));
        List<String> zones = calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .map(z -> z.getProperty("TZID").orElseThrow().getValue()).toList();
        assertEquals(List.of("America/New_York", "Europe/Berlin"), zones.stream().sorted().toList());

        List<VEvent> events = calendar.getComponents("VEVENT");
        List<String> uids = events.stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
        List<String> expectedUids = occurrences.<String>getList("items.occurrenceId").stream().map(id -> id + "@livecue.dev").toList();
        assertEquals(expectedUids, uids);
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            Map<String, Object> occurrence = occurrences.getMap("items[" + i + "]");
            assertEquals(occurrence.get("timeZone"), event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
            assertEquals(Instant.parse((String) occurrence.get("start")), Instant.from(event.getDateTimeStart().getDate()));
            assertEquals(Instant.parse((String) occurrence.get("end")), Instant.from(event.getDateTimeEnd().getDate()));
            assertEquals("cancelled".equals(occurrence.get("status")) ? "CANCELLED" : "CONFIRMED",
                    event.getProperty("STATUS").orElseThrow().getValue());
            assertEquals("Friday night Q&A", event.getSummary().getValue());
        }
        assertEquals(5, events.size());
        // the DST change shows in UTC, not in local time
        assertTrue(ics.contains("DTSTART;TZID=America/New_York:20271022T190000"));
        assertTrue(ics.contains("DTSTART;TZID=America/New_York:20271112T190000"));
    }

    @Test
    void feed_shouldRaiseSequence_withEveryChange_evenOneThatUndoesAnother() throws Exception {
        // GIVEN a weekly live of three, subscribed to
        clock.pin(Instant.parse("2027-03-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("Europe/Berlin");
        String weekly = creator.request().body(SchedulesApiTest.schedule("2027-03-05T19:00", "Europe/Berlin",
                "FREQ=WEEKLY;COUNT=3", null)).post("/v1/schedules").then().statusCode(201).extract().path("id");
        String second = weekly + ".2027-03-12";
        String url = creator.request().get("/v1/calendar").then().statusCode(200).extract().path("url");
        Map<String, VEvent> before = events(url);

        // WHEN the second live is moved, moved back, then covered by a vacation that is then ended, each a minute apart
        List<Runnable> changes = List.of(
                () -> creator.request().body("{\"start\": \"2027-03-13T18:00\"}")
                        .patch("/v1/schedules/" + weekly + "/occurrences/" + second).then().statusCode(200),
                () -> creator.request().body("{\"start\": \"2027-03-12T19:00\"}")
                        .patch("/v1/schedules/" + weekly + "/occurrences/" + second).then().statusCode(200),
                () -> creator.request().body("{\"from\": \"2027-03-10\", \"to\": \"2027-03-14\"}")
                        .put("/v1/vacation").then().statusCode(200),
                () -> creator.request().delete("/v1/vacation").then().statusCode(204));
        List<String> statuses = new ArrayList<>();
        for (Runnable change : changes) {
            clock.advance(Duration.ofMinutes(1));
            change.run();
            Map<String, VEvent> after = events(url);
            VEvent was = before.get(second + "@livecue.dev");
            VEvent now = after.get(second + "@livecue.dev");

            // THEN every time its SEQUENCE rises (a client ignores an update that does not raise it) and
            // LAST-MODIFIED says when; a change that puts back an earlier state is still a newer revision
            assertTrue(sequence(now) > sequence(was), "SEQUENCE after change " + statuses.size());
            assertEquals(clock.instant(), now.<LastModified>getProperty("LAST-MODIFIED").orElseThrow().getDate());
            statuses.add(now.getProperty("STATUS").orElseThrow().getValue());
            before = after;
        }
        assertEquals(List.of("CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED"), statuses);
    }

    private static int sequence(VEvent event) {
        return Integer.parseInt(event.getProperty("SEQUENCE").orElseThrow().getValue());
    }

    private static Map<String, VEvent> events(String url) throws Exception {
        String ics = given().get(url).then().statusCode(200).extract().asString();
        Map<String, VEvent> byUid = new HashMap<>();
        new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT")
                .forEach(e -> byUid.put(e.getUid().orElseThrow().getValue(), e));
        return byUid;
    }

    @Test
    void feed_shouldWriteALiveInTheRepeatedFallBackHour_inUtc() throws Exception {
        // GIVEN a New York live at 01:30 on the night 01:00-02:00 happens twice (the API places it in the first,
        // EDT, as RFC 5545 does), and one at 19:00 that evening
        clock.pin(Instant.parse("2027-11-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("America/New_York");
        String early = creator.request().body(SchedulesApiTest.schedule("2027-11-07T01:30", "America/New_York", null, null))
                .post("/v1/schedules").then().statusCode(201).extract().path("nextOccurrences[0].start");
        creator.request().body(SchedulesApiTest.schedule("2027-11-07T19:00", "America/New_York", null, null))
                .post("/v1/schedules").then().statusCode(201);
        assertEquals("2027-11-07T05:30:00Z", early);

        // WHEN the feed is fetched
        String url = creator.request().get("/v1/calendar").then().statusCode(200).extract().path("url");
        String ics = given().get(url).then().statusCode(200).extract().asString();

        // THEN the ambiguous start is written in UTC, which no reader can take for the second 01:30; the end (03:00
        // EST) and the evening live keep their local time and TZID
        assertTrue(ics.contains("DTSTART:20271107T053000Z\r\n"), ics);
        assertTrue(ics.contains("DTSTART;TZID=America/New_York:20271107T190000\r\n"), ics);
        List<VEvent> events = new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
        assertEquals(Instant.parse(early), Instant.from(events.get(0).getDateTimeStart().getDate()));
    }

    @Test
    void feed_shouldFoldByOctets_withoutSplittingACharacter() throws Exception {
        // GIVEN a title and a description in emoji and Japanese: 4 and 3 octets a character in UTF-8
        clock.pin(Instant.parse("2027-06-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("Asia/Tokyo");
        String title = "🔴🎮 LIVE 今夜のゲーム配信 ".repeat(5).strip();
        String description = "配信の予定: 新しいゲームを一緒に遊びましょう! 🎉".repeat(8);
        Map<String, Object> body = SchedulesApiTest.schedule("2027-06-05T21:00", "Asia/Tokyo", null, null);
        body.put("title", title);
        body.put("description", description);
        creator.request().body(body).post("/v1/schedules").then().statusCode(201);

        // WHEN the feed is fetched as bytes, as a subscriber does
        String url = creator.request().get("/v1/calendar").then().statusCode(200).extract().path("url");
        byte[] bytes = given().get(url).then().statusCode(200).extract().asByteArray();
        String ics = new String(bytes, StandardCharsets.UTF_8);

        // THEN no line is over 75 octets (ical4j alone wrote 193), every character survived the folds, and
        // a parser gets the texts back whole
        assertTrue(longestLineOctets(ics) <= 75, "longest line " + longestLineOctets(ics) + " octets");
        assertEquals(-1, ics.indexOf('\uFFFD'), "no character cut in two");
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertEquals(title, event.getSummary().getValue());
        assertTrue(event.getDescription().getValue().startsWith(description + "\n\nWatch live: "),
                event.getDescription().getValue());
    }

    private static int longestLineOctets(String ics) {
        return ics.lines().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length).max().orElse(0);
    }

    @Test
    void rotate_shouldStopTheOldToken_atOnce() {
        TestCreator creator = Api.newCreator("UTC");
        String first = creator.request().get("/v1/calendar").then().statusCode(200).extract().path("feedToken");
        assertEquals(first, creator.request().get("/v1/calendar").then().extract().path("feedToken"));
        given().get("/v1/calendar/" + first + ".ics").then().statusCode(200);

        String second = creator.request().post("/v1/calendar/rotate").then().statusCode(200).extract().path("feedToken");

        assertNotEquals(first, second);
        given().get("/v1/calendar/" + first + ".ics").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/calendar/" + second + ".ics").then().statusCode(200);
        given().get("/v1/calendar/cal_guessed.ics").then().statusCode(404);
        given().post("/v1/calendar/rotate").then().statusCode(401);
        creator.request().get("/v1/calendar").then().body("feedToken", equalTo(second));
    }
}
