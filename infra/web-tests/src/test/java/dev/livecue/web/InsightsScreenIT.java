package dev.livecue.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The Insights screen drawn from real sessions: lives started and ended through the API (as the Live screen does),
 * then the charts, their accessible tables, the 4/12-week toggle and the CSV download checked against what was
 * seeded and what {@code GET /v1/analytics} answers.
 *
 * <p>The API takes a late-reported start at most 12 hours back and ends a live at the moment it is confirmed (the
 * packaged stack runs on the real clock), so the seeded lives are the last 12 hours' and end now: they fill this
 * week (or, just after midnight on a Monday, the last two), and the empty weeks before it are drawn as empty bars.
 */
@WebTest
class InsightsScreenIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter WEEK_LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("h a", Locale.US);

    /** A live as seeded: its id, when it started and ended, and the peak viewers it was closed with. */
    private record Seeded(String id, Instant startedAt, Instant endedAt, long peakViewers) {

        LocalDate weekStart() {
            return startedAt.atZone(BERLIN).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        /** "Wednesdays 7 PM": the weekday and hour the live started, in the creator's zone, as the screen words it. */
        String slotWords() {
            ZonedDateTime local = startedAt.atZone(BERLIN);
            return local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US) + "s " + local.withMinute(0).format(HOUR_LABEL);
        }

        String slot() {
            ZonedDateTime local = startedAt.atZone(BERLIN);
            return local.getDayOfWeek().name().toLowerCase(Locale.ROOT) + "@" + local.getHour();
        }
    }

    @Test
    void drawsTheChartsFromRealSessions_switchesTo12Weeks_andDownloadsOneCsvRowASession(Browser browser) throws IOException {
        // GIVEN four unscheduled lives of the last 12 hours and a planned one started early, with a connection incident
        String key = browser.createCreator("{\"handle\":\"insights\",\"displayName\":\"Night Owl\",\"timeZone\":\"Europe/Berlin\"}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Seeded> seeded = new ArrayList<>();
        long[][] unscheduled = {{660, 40}, {450, 180}, {240, 90}, {90, 120}};
        for (long[] live : unscheduled) {
            String id = start(browser, key, Map.of("startedAt", now.minus(Duration.ofMinutes(live[0])).toString()));
            seeded.add(close(browser, key, id, live[1]));
        }
        String occurrenceId = planOneLive(browser, key, now.plus(Duration.ofMinutes(30)));
        String planned = start(browser, key, Map.of("occurrenceId", occurrenceId, "startedAt", now.minus(Duration.ofMinutes(20)).toString()));
        for (int i = 0; i < 3; i++) {
            api(browser, key).body(Map.of("sessionId", planned, "networkType", "cellular", "uploadMbps", 0.3, "downloadMbps", 1.0,
                    "rttMs", 900, "jitterMs", 200, "packetLossPct", 20)).post("/v1/connection-checks").then().statusCode(201);
        }
        seeded.add(close(browser, key, planned, 60));
        JsonPath fourWeeks = analytics(browser, key, 4);
        assertEquals(5, fourWeeks.getInt("sessions"), "the API counts the seeded lives");

        // WHEN the creator opens Insights
        browser.open("");
        browser.signIn(key);
        browser.open("#/insights");
        browser.waitFor(By.id("headline"));

        // THEN the headline figures are the API's
        assertEquals("5", figure(browser, "sessions"));
        assertEquals(decimals(fourWeeks.getDouble("hoursLive"), 1), figure(browser, "hours"));
        assertEquals("32", figure(browser, "followers"), "3 + 12 + 6 + 9 + 2 new followers (see close())");
        assertEquals("true", browser.driver().findElement(By.id("period-4")).getAttribute("aria-pressed"));

        // and one bar a week, labelled with the week's Monday, with the hours seeded in that week
        assertWeeklyHours(browser, fourWeeks, seeded, 4);
        assertEquals(4, bars(browser), "one bar per week of the 4");

        // punctuality: the one planned live started 50 minutes early, which counts as on time
        assertEquals("100% on time", browser.driver().findElement(By.id("punctuality-summary")).getText());

        // best times: one cell per weekday and hour a live started in, the best (most viewers at peak) first in words
        Set<String> slots = seeded.stream().map(Seeded::slot).collect(Collectors.toSet());
        List<String> cells = browser.driver().findElements(By.cssSelector("#slots-chart rect[data-slot]")).stream()
                .map(cell -> cell.getAttribute("data-slot")).toList();
        assertEquals(slots, Set.copyOf(cells));
        List<String> bestFirst = seeded.stream().sorted(Comparator.comparingLong(Seeded::peakViewers).reversed()).map(Seeded::slotWords).toList();
        List<WebElement> best = browser.driver().findElements(By.cssSelector("#best-slots li"));
        assertEquals(5, best.size());
        for (int i = 0; i < 5; i++) {
            // Chromium's Intl may put a narrow no-break space before AM/PM
            String shown = best.get(i).getText().replace('\u202f', ' ');
            assertTrue(shown.startsWith(bestFirst.get(i) + " · "), "best slot " + i + ": " + shown);
        }
        assertTrue(best.get(0).getText().contains("180 viewers at peak on average (1 live)"), best.get(0).getText());

        // connection: the planned live's three poor checks in a row were an incident
        assertEquals("1 of your 5 lives had connection trouble.", browser.driver().findElement(By.id("connection-summary")).getText());
        browser.assertFitsThePhoneWidth();
        // the charts below the sticky top bar for the README
        browser.script("window.scrollTo(0, document.getElementById('hours-title').getBoundingClientRect().top + window.scrollY - 90)");
        browser.screenshot("insights");

        // WHEN the creator switches to 12 weeks
        browser.click(By.id("period-12"));

        // THEN the range is 12 weeks: 12 bars, the first one 11 weeks before this week, the same lives in them
        browser.waitUntil("12 weekly bars are drawn", () -> bars(browser) == 12);
        assertEquals("true", browser.driver().findElement(By.id("period-12")).getAttribute("aria-pressed"));
        assertEquals("false", browser.driver().findElement(By.id("period-4")).getAttribute("aria-pressed"));
        JsonPath twelveWeeks = analytics(browser, key, 12);
        LocalDate thisWeek = LocalDate.now(BERLIN).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertEquals(thisWeek.minusWeeks(11).toString(), twelveWeeks.getString("weekly[0].weekStart"));
        assertWeeklyHours(browser, twelveWeeks, seeded, 12);
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/insights?weeks=12"), "the choice survives a reload");

        // WHEN the creator downloads the CSV
        Path downloads = Files.createTempDirectory("livecue-downloads-");
        try {
            browser.driver().executeCdpCommand("Browser.setDownloadBehavior", Map.<String, Object>of("behavior", "allow", "downloadPath", downloads.toString()));
            browser.click(By.id("download-csv"));

            // THEN a file named after the 12 weeks holds a header and one row per seeded live
            browser.waitUntil("the CSV is downloaded into " + downloads, () -> finishedDownload(downloads) != null);
            Path csv = finishedDownload(downloads);
            String name = csv.getFileName().toString();
            assertTrue(name.startsWith("livecue-sessions-" + thisWeek.minusWeeks(11) + "-"), name);
            assertTrue(name.equals("livecue-sessions-" + thisWeek.minusWeeks(11) + "-" + LocalDate.now(BERLIN) + ".csv")
                    || name.equals("livecue-sessions-" + thisWeek.minusWeeks(11) + "-" + LocalDate.now(BERLIN).minusDays(1) + ".csv"), name);
            List<String> lines = Files.readAllLines(csv).stream().filter(line -> !line.isEmpty()).toList();
            assertTrue(lines.get(0).startsWith("id,status,title,"), lines.get(0));
            assertEquals(seeded.stream().map(Seeded::id).collect(Collectors.toSet()),
                    lines.stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).collect(Collectors.toSet()));
        } finally {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void showsNoZoneNote_andNothingElse_whenThePhoneIsInTheCreatorsZone(Browser browser) {
        // GIVEN a creator whose Livecue zone is the phone's own, with one live behind them
        browser.open("");
        String phoneZone = (String) browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone");
        String key = browser.createCreator("{\"handle\":\"insightshome\",\"timeZone\":\"" + phoneZone + "\"}");
        close(browser, key, start(browser, key, Map.of("startedAt", Instant.now().minus(Duration.ofMinutes(90)).toString())), 60);

        // WHEN the creator opens Insights
        browser.signIn(key);
        browser.open("#/insights");
        browser.waitFor(By.id("headline"));

        // THEN the numbers come first: no note about another zone, and no stray text before them
        assertTrue(browser.driver().findElements(By.id("insights-zone")).isEmpty(), "no zone note");
        String first = (String) browser.script("return document.getElementById('insights-body').firstChild.nodeName");
        assertEquals("SECTION", first, "the first thing on the screen is the headline card, not a text node such as 'null'");
    }

    @Test
    void showsHowToGetNumbers_whenTheCreatorHasNotBeenLiveYet(Browser browser) {
        String key = browser.createCreator("{\"handle\":\"insightsnew\",\"timeZone\":\"Europe/Berlin\"}");
        browser.open("");
        browser.signIn(key);
        browser.open("#/insights");

        browser.waitForText(By.id("insights-empty"), "Go live to see your numbers");
        assertTrue(browser.driver().findElements(By.id("download-csv")).isEmpty(), "nothing to download");
        browser.click(By.id("period-12"));
        browser.waitForText(By.id("insights-empty"), "No lives in the last 12 weeks yet.");
    }

    /** The hours table beside the chart: a row per week of the API's series, with the hours seeded in that week. */
    private static void assertWeeklyHours(Browser browser, JsonPath analytics, List<Seeded> seeded, int weeks) {
        Map<LocalDate, Double> seededHours = new TreeMap<>();
        seeded.forEach(s -> seededHours.merge(s.weekStart(), Duration.between(s.startedAt(), s.endedAt()).toSeconds() / 3600.0, Double::sum));
        List<Map<String, Object>> series = analytics.getList("weekly");
        assertEquals(weeks, series.size());
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#hours-table tbody tr"));
        assertEquals(weeks, rows.size(), "a table row per week");
        for (int i = 0; i < weeks; i++) {
            LocalDate week = LocalDate.parse((String) series.get(i).get("weekStart"));
            double hours = ((Number) series.get(i).get("hoursLive")).doubleValue();
            assertEquals(seededHours.getOrDefault(week, 0.0), hours, 0.006, "hours the API reports for the week of " + week);
            assertEquals(week.format(WEEK_LABEL), text(rows.get(i).findElement(By.tagName("th"))));
            assertEquals(decimals(hours, 2), text(rows.get(i).findElements(By.tagName("td")).get(0)), "hours shown for the week of " + week);
        }
        assertTrue(series.stream().anyMatch(week -> ((Number) week.get("hoursLive")).doubleValue() > 0), "this week has the seeded hours");
    }

    /** The hidden table's text (a visually hidden element has no rendered text, but its content is there). */
    private static String text(WebElement element) {
        return element.getAttribute("textContent").trim();
    }

    private static long bars(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#hours-chart g.bar")).size();
    }

    private static String figure(Browser browser, String name) {
        return browser.driver().findElement(By.cssSelector("#headline [data-figure='" + name + "'] dd")).getText();
    }

    private static Path finishedDownload(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification api(Browser browser, String key) {
        return given().baseUri(browser.baseUri()).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    private static JsonPath analytics(Browser browser, String key, int weeks) {
        return api(browser, key).get("/v1/analytics?weeks=" + weeks).then().statusCode(200).extract().jsonPath();
    }

    private static String start(Browser browser, String key, Map<String, String> body) {
        return api(browser, key).body(body).post("/v1/sessions").then().statusCode(201).extract().path("id");
    }

    /** Ends a live the two-step way, with its peak viewers and the new followers that go with them. */
    private static Seeded close(Browser browser, String key, String id, long peakViewers) {
        String token = api(browser, key).body(Map.of("reason", "planned")).post("/v1/sessions/" + id + "/close")
                .then().statusCode(202).extract().path("confirmationToken");
        JsonPath closed = api(browser, key).body(Map.of("confirmationToken", token, "stats",
                        Map.of("peakViewers", peakViewers, "uniqueViewers", peakViewers * 3, "newFollowers", followersFor(peakViewers))))
                .post("/v1/sessions/" + id + "/close/confirm").then().statusCode(200).extract().jsonPath();
        JsonPath session = api(browser, key).get("/v1/sessions/" + id).then().statusCode(200).extract().jsonPath();
        return new Seeded(id, Instant.parse(session.getString("startedAt")), Instant.parse(closed.getString("endedAt")), peakViewers);
    }

    private static long followersFor(long peakViewers) {
        return Map.of(40L, 3L, 180L, 12L, 90L, 6L, 120L, 9L, 60L, 2L).get(peakViewers);
    }

    /** Plans a one-off live at the given instant (rounded up to the minute) and answers its occurrence id. */
    private static String planOneLive(Browser browser, String key, Instant at) {
        String start = at.atZone(BERLIN).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).toLocalDateTime().toString();
        return api(browser, key).body(Map.of("title", "Late show", "start", start, "timeZone", "Europe/Berlin",
                        "durationMinutes", 60, "reminders", List.of("PT5M")))
                .post("/v1/schedules").then().statusCode(201).extract().path("nextOccurrences[0].occurrenceId");
    }

    /** A number as the app shows it (Intl.NumberFormat in en-US: at most that many decimals, halves rounded up). */
    private static String decimals(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

}
