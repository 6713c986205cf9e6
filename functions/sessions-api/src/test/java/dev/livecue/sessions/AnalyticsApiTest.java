package dev.livecue.sessions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.connection.ConnectionCheckService;
import dev.livecue.core.connection.NewConnectionCheck;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.schedule.OccurrenceService;
import dev.livecue.core.schedule.ScheduleService;
import dev.livecue.core.session.AbandonedSessionsJob;
import dev.livecue.core.session.MissedLivesJob;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Analytics over 50 seeded sessions, checked against numbers this test works out itself from what it seeded (plain
 * arithmetic here, none of the production calculator), and the CSV export.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class AnalyticsApiTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final String FROM = "2026-10-01T00:00:00Z";
    private static final String TO = "2026-11-20T00:00:00Z";
    /** The daily 19:00 series runs 40 days from Monday 2026-10-05, across the end of DST on 2026-11-01. */
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-05");
    private static final int DAYS = 40;
    private static final Set<Integer> CANCELLED = Set.of(9, 19, 29, 39);
    /** Within the first planning horizon (14 days), where the missed-live watches are planned. */
    private static final Set<Integer> MISSED = Set.of(3, 6, 11);
    private static final Set<Integer> INTERRUPTED = Set.of(5, 12);
    private static final int ABANDONED = 16;
    private static final int UNSCHEDULED = 17;

    /** What the test seeded: stats are null for interrupted and abandoned lives, minutes null for abandoned ones. */
    private record Seeded(Instant start, Integer minutes, Integer delay, Long peak, Long followers) {
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @Inject
    TestClock clock;

    @Inject
    CreatorService creators;

    @Inject
    ScheduleService schedules;

    @Inject
    OccurrenceService occurrences;

    @Inject
    MissedLivesJob missedLives;

    @Inject
    ConnectionCheckService checks;

    @Inject
    AbandonedSessionsJob abandonedSessions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void analytics_shouldMatchNumbersWorkedOutByHand_over50SeededSessions() {
        // GIVEN 33 scheduled lives held, 3 missed and 4 cancelled, and 17 unscheduled ones
        TestCreator creator = Api.newCreator(creators, "America/Los_Angeles", "en-US");
        List<Seeded> seeded = seed(creator);
        assertEquals(50, seeded.size());

        // WHEN
        JsonPath a = creator.request().get("/v1/analytics?from=" + FROM + "&to=" + TO).then().statusCode(200).extract().jsonPath();

        // THEN the totals
        List<Seeded> ended = seeded.stream().filter(s -> s.minutes() != null).toList();
        List<Seeded> counted = seeded.stream().filter(s -> s.peak() != null).toList();
        assertEquals(49, ended.size());
        assertEquals(47, counted.size());
        double minutes = ended.stream().mapToInt(Seeded::minutes).sum();
        double countedHours = counted.stream().mapToInt(Seeded::minutes).sum() / 60.0;
        long followers = counted.stream().mapToLong(Seeded::followers).sum();
        assertEquals(50, a.getInt("sessions"));
        assertClose(minutes / 60, a.getDouble("hoursLive"), 0.005);
        assertClose(minutes / 49, a.getDouble("avgDurationMinutes"), 0.05);
        assertClose(counted.stream().mapToLong(Seeded::peak).sum() / 47.0, a.getDouble("avgPeakViewers"), 0.05);
        assertEquals(followers, a.getLong("newFollowers"));
        assertClose(followers / countedHours, a.getDouble("followersPerHour"), 0.005);

        // punctuality over the 33 scheduled lives: on time is at most 5 minutes late
        List<Integer> delays = seeded.stream().map(Seeded::delay).filter(d -> d != null).sorted().toList();
        assertEquals(33, delays.size());
        assertEquals(33, a.getInt("punctuality.scheduledSessions"));
        assertClose(delays.stream().filter(d -> d <= 5).count() / 33.0, a.getDouble("punctuality.onTimeRate"), 0.0005);
        assertClose(delays.get(16), a.getDouble("punctuality.medianDelayMinutes"), 0.0001);

        // consistency over the 40 planned lives
        assertEquals(40, a.getInt("consistency.planned"));
        assertEquals(33, a.getInt("consistency.held"));
        assertEquals(4, a.getInt("consistency.cancelled"));
        assertEquals(3, a.getInt("consistency.missed"));
        assertClose(33 / 36.0, a.getDouble("consistency.adherenceRate"), 0.0005);

        // best slots: weekday and hour in Los Angeles, by average peak of the closed lives
        List<Object[]> best = bestSlots(counted);
        for (int i = 0; i < 5; i++) {
            assertEquals(best.get(i)[0], a.getString("bestSlots[" + i + "].weekday"), "slot " + i);
            assertEquals(best.get(i)[1], a.getInt("bestSlots[" + i + "].hour"), "slot " + i);
            assertEquals(best.get(i)[2], a.getInt("bestSlots[" + i + "].sessions"), "slot " + i);
            assertClose((double) best.get(i)[3], a.getDouble("bestSlots[" + i + "].avgPeakViewers"), 0.05);
        }

        // weekly: Monday-to-Sunday weeks in Los Angeles from the week of FROM to the week before TO
        Map<LocalDate, Integer> perWeek = new TreeMap<>();
        for (LocalDate w = LocalDate.parse("2026-09-28"); !w.isAfter(LocalDate.parse("2026-11-16")); w = w.plusWeeks(1)) {
            perWeek.put(w, 0);
        }
        seeded.forEach(s -> perWeek.merge(s.start().atZone(LA).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1, Integer::sum));
        assertEquals(perWeek.keySet().stream().map(LocalDate::toString).toList(), a.getList("weekly.weekStart"));
        assertEquals(new ArrayList<>(perWeek.values()), a.getList("weekly.sessions"));
        assertEquals(0, a.getInt("connection.sessionsWithIncidents"));

        // and each week's own punctuality, for a chart drawn week by week
        Map<LocalDate, List<Integer>> delaysPerWeek = new TreeMap<>();
        perWeek.keySet().forEach(w -> delaysPerWeek.put(w, new ArrayList<>()));
        seeded.stream().filter(s -> s.delay() != null).forEach(s -> delaysPerWeek.get(s.start().atZone(LA).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).add(s.delay()));
        int week = 0;
        for (List<Integer> inWeek : delaysPerWeek.values()) {
            String path = "weekly[" + week++ + "].punctuality.";
            assertEquals(inWeek.size(), a.getInt(path + "scheduledSessions"), path);
            if (inWeek.isEmpty()) {
                assertNull(a.get(path + "onTimeRate"), path);
            } else {
                assertClose(inWeek.stream().filter(d -> d <= 5).count() / (double) inWeek.size(), a.getDouble(path + "onTimeRate"), 0.0005);
            }
        }

        // every slot for the weekday x hour grid, Monday first and by hour, the best five among them
        List<Object[]> grid = best.stream().sorted(Comparator.<Object[], DayOfWeek>comparing(o -> DayOfWeek.valueOf(((String) o[0]).toUpperCase(Locale.ROOT)))
                .thenComparingInt(o -> (int) o[1])).toList();
        assertEquals(grid.stream().map(o -> o[0] + "@" + o[1]).toList(),
                a.getList("slots", Map.class).stream().map(m -> m.get("weekday") + "@" + m.get("hour")).toList());
        assertEquals(grid.stream().map(o -> o[2]).toList(), a.getList("slots.sessions"));
    }

    @Test
    void analytics_shouldCoverTheLastWholeWeeksInTheCreatorsZone_whenAskedForWeeks() {
        // GIVEN a Wednesday noon in Los Angeles, three weeks after the end of daylight saving time
        clock.pin(Instant.parse("2026-11-18T20:00:00Z"));
        TestCreator creator = Api.newCreator(creators, "America/Los_Angeles", "en-US");

        // WHEN / THEN 4 weeks start on Monday 2026-10-26 at midnight Pacific Daylight Time and end now
        creator.request().get("/v1/analytics?weeks=4").then().statusCode(200)
                .body("from", equalTo("2026-10-26T07:00:00Z"))
                .body("to", equalTo("2026-11-18T20:00:00Z"))
                .body("weekly.weekStart", equalTo(List.of("2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16")));
        creator.request().get("/v1/analytics?weeks=1").then().statusCode(200).body("from", equalTo("2026-11-16T08:00:00Z"));
        creator.request().get("/v1/analytics/sessions.csv?weeks=12").then().statusCode(200).contentType(startsWith("text/csv"));
        for (String bad : List.of("0", "53", "four", "-1", "1.5")) {
            creator.request().get("/v1/analytics?weeks=" + bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("weeks"));
        }
        creator.request().get("/v1/analytics?weeks=4&from=2026-10-01T00:00:00Z").then().statusCode(400)
                .body("errors[0].field", equalTo("weeks"));
    }

    @Test
    void csv_shouldHaveAHeaderAndOneRowPerSession_quotedAndSafeForSpreadsheets() {
        // GIVEN a live whose title would run as a formula in a spreadsheet, with a connection incident
        clock.pin(Instant.parse("2026-09-01T12:00:00Z"));
        TestCreator creator = Api.newCreator(creators, "America/Los_Angeles", "en-US");
        String occurrence = Lives.plan(schedules, creator.id(), "2026-09-02T19:00", "America/Los_Angeles", null, "=HYPERLINK(\"x\"), live");
        clock.pin(Instant.parse("2026-09-03T02:03:00Z"));
        String id = creator.request().body(Map.of("occurrenceId", occurrence)).post("/v1/sessions").then().statusCode(201).extract().path("id");
        // and a connection incident: three poor checks in a row
        for (int i = 0; i < 3; i++) {
            clock.pin(Instant.parse("2026-09-03T02:10:00Z").plusSeconds(30L * i));
            checks.record(creator.id(), new NewConnectionCheck(id, null, "cellular", 0.3, 1.0, 900.0, 200.0, 20.0));
        }
        clock.pin(Instant.parse("2026-09-03T03:03:00Z"));
        String token = creator.request().body("{}").post("/v1/sessions/" + id + "/close").then().statusCode(202).extract().path("confirmationToken");
        creator.request().body(Map.of("confirmationToken", token, "stats", Map.of("peakViewers", 42, "newFollowers", 5)))
                .post("/v1/sessions/" + id + "/close/confirm").then().statusCode(200);

        // WHEN
        String csv = creator.request().get("/v1/analytics/sessions.csv?from=2026-09-01T00:00:00Z&to=2026-09-10T00:00:00Z")
                .then().statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition", containsString("sessions.csv"))
                .extract().asString();

        // THEN (the counts the creator did not give are blank, not zero)
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length);
        assertEquals("id,status,title,occurrenceId,scheduledStart,startedAt,localStart,timeZone,endedAt,durationMinutes,"
                + "delayMinutes,endReason,peakViewers,uniqueViewers,newFollowers,comments,likes,shares,gifts,"
                + "connectionIncident,replayAvailableUntil", lines[0]);
        assertEquals(id + ",closed,\"'=HYPERLINK(\"\"x\"\"), live\"," + occurrence + ",2026-09-03T02:00:00Z,2026-09-03T02:03:00Z,"
                + "2026-09-02T19:03:00,America/Los_Angeles,2026-09-03T03:03:00Z,60,3,planned,42,,5,,,,,true,2026-12-02T03:03:00Z",
                lines[1]);
        creator.request().get("/v1/analytics?from=2026-09-01T00:00:00Z&to=2026-09-10T00:00:00Z")
                .then().statusCode(200).body("connection.sessionsWithIncidents", equalTo(1))
                .body("weekly.find { it.weekStart == '2026-08-31' }.sessionsWithIncidents", equalTo(1));
    }

    @Test
    void analytics_shouldBe400_forABadWindow() {
        TestCreator creator = Api.newCreator(creators);
        creator.request().get("/v1/analytics?from=2026-10-01").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        creator.request().get("/v1/analytics?from=" + TO + "&to=" + FROM).then().statusCode(400).body("errors[0].field", equalTo("to"));
        creator.request().get("/v1/analytics/sessions.csv?to=never").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    /** Seeds the lives through the API (and the sweeps), and answers what it seeded. */
    private List<Seeded> seed(TestCreator creator) {
        clock.pin(Instant.parse("2026-10-04T12:00:00Z"));
        String first = Lives.plan(schedules, creator.id(), FIRST_DAY + "T19:00", "America/Los_Angeles",
                "FREQ=DAILY;COUNT=" + DAYS, "Evening show");
        String scheduleId = first.substring(0, first.lastIndexOf('.'));
        CANCELLED.forEach(i -> occurrences.cancel(creator.id(), scheduleId, Lives.occurrence(scheduleId, FIRST_DAY.plusDays(i))));

        List<Seeded> seeded = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            Instant planned = LocalDateTime.of(FIRST_DAY.plusDays(i), LocalTime.of(19, 0)).atZone(LA).toInstant();
            if (MISSED.contains(i)) {
                Sweeps.runAt(missedLives, planned.plus(Duration.ofMinutes(60 + 15 + 1)), dynamo, config.table());
            } else if (!CANCELLED.contains(i)) {
                int delay = (i * 7) % 13 - 3;
                int minutes = 40 + (i * 11) % 50;
                long peak = 50 + (i * 37) % 200;
                long followers = (i * 5) % 17;
                Instant start = planned.plus(Duration.ofMinutes(delay));
                String id = start(creator, start, Lives.occurrence(scheduleId, FIRST_DAY.plusDays(i)));
                close(creator, id, start.plus(Duration.ofMinutes(minutes)), peak, followers);
                seeded.add(new Seeded(start, minutes, delay, peak, followers));
            }
        }
        for (int j = 0; j < UNSCHEDULED; j++) {
            Instant start = Instant.parse("2026-10-06T17:00:00Z").plus(Duration.ofDays(2L * j)).plus(Duration.ofHours(j % 3));
            int minutes = 30 + j * 5;
            String id = start(creator, start, null);
            if (j == ABANDONED) {
                Sweeps.runAt(abandonedSessions, start.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(1)), dynamo, config.table());
                creator.request().get("/v1/sessions/" + id).then().body("status", equalTo("abandoned"));
                seeded.add(new Seeded(start, null, null, null, null));
            } else if (INTERRUPTED.contains(j)) {
                clock.pin(start.plus(Duration.ofMinutes(minutes)));
                creator.request().body("{}").post("/v1/sessions/" + id + "/interrupt").then().statusCode(200);
                seeded.add(new Seeded(start, minutes, null, null, null));
            } else {
                long peak = 300 + j * 10L;
                close(creator, id, start.plus(Duration.ofMinutes(minutes)), peak, j % 4);
                seeded.add(new Seeded(start, minutes, null, peak, (long) (j % 4)));
            }
        }
        return seeded;
    }

    private String start(TestCreator creator, Instant at, String occurrenceId) {
        clock.pin(at);
        Map<String, Object> body = occurrenceId == null ? Map.of() : Map.of("occurrenceId", occurrenceId);
        return creator.request().body(body).post("/v1/sessions").then().statusCode(201).extract().path("id");
    }

    private void close(TestCreator creator, String id, Instant at, long peak, long followers) {
        clock.pin(at);
        String token = creator.request().body("{}").post("/v1/sessions/" + id + "/close").then().statusCode(202).extract().path("confirmationToken");
        creator.request().body(Map.of("confirmationToken", token,
                        "stats", Map.of("peakViewers", peak, "uniqueViewers", peak * 3, "newFollowers", followers)))
                .post("/v1/sessions/" + id + "/close/confirm").then().statusCode(200);
    }

    /** {weekday, hour, sessions, average peak} of every slot, best first (ties: more sessions, then earlier in the week). */
    private static List<Object[]> bestSlots(List<Seeded> counted) {
        Map<String, List<Seeded>> bySlot = new HashMap<>();
        for (Seeded s : counted) {
            ZonedDateTime local = s.start().atZone(LA);
            bySlot.computeIfAbsent(local.getDayOfWeek() + "@" + local.getHour(), k -> new ArrayList<>()).add(s);
        }
        List<Object[]> slots = new ArrayList<>();
        bySlot.forEach((key, in) -> {
            String[] parts = key.split("@");
            double avg = in.stream().mapToLong(Seeded::peak).sum() / (double) in.size();
            slots.add(new Object[] {parts[0].toLowerCase(Locale.ROOT), Integer.parseInt(parts[1]), in.size(), avg});
        });
        slots.sort(Comparator.<Object[]>comparingDouble(o -> -(double) o[3])
                .thenComparingInt(o -> -(int) o[2])
                .thenComparing(o -> DayOfWeek.valueOf(((String) o[0]).toUpperCase(Locale.ROOT)))
                .thenComparingInt(o -> (int) o[1]));
        return slots;
    }

    private static void assertClose(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(expected - actual) <= tolerance, "expected " + expected + " but was " + actual);
    }
}
