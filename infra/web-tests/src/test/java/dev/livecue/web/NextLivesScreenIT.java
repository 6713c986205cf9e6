package dev.livecue.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Next lives: a weekly series planned through the API shows up with countdowns; skipping one, moving one (a
 * move too far is refused beside its field) and setting a vacation show as badges; a vacation ending before it starts is refused beside its last day with what was typed
 * kept; the calendar-feed link is absolute and serves the iCalendar feed.
 */
@WebTest
class NextLivesScreenIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** How Chromium's date field takes typed digits in en-US: month, day, year. */
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("MMddyyyy", Locale.US);
    private static final By SET_VACATION = By.xpath("//form[@id='vacation']//button[normalize-space()='Set vacation']");

    @Test
    void showsPlannedLivesWithCountdowns_skipsOne_setsAVacation_andLinksTheFeed(Browser browser) {
        // GIVEN a weekly live at 19:00 Berlin time, four times from tomorrow
        String key = browser.createCreator("{\"handle\":\"nextlives\",\"displayName\":\"Night Owl\",\"timeZone\":\"Europe/Berlin\"}");
        LocalDate first = LocalDate.now(BERLIN).plusDays(1);
        List<String> planned = api(browser, key).body(Map.of("title", "Weekly Q&A", "start", first + "T19:00", "timeZone", "Europe/Berlin",
                        "durationMinutes", 60, "recurrence", "FREQ=WEEKLY;COUNT=4"))
                .post("/v1/schedules").then().statusCode(201).extract().path("nextOccurrences.start");
        assertEquals(4, planned.size());

        // WHEN the creator signs in (Next lives is the start screen)
        browser.open("");
        browser.signIn(key);

        // THEN every planned live is listed at its start with a countdown
        List<WebElement> lives = occurrences(browser, 4);
        for (int i = 0; i < 4; i++) {
            WebElement live = lives.get(i);
            assertEquals(planned.get(i), live.findElement(By.tagName("time")).getAttribute("datetime"));
            String countdown = live.findElement(By.className("countdown")).getText();
            assertTrue(countdown.matches("in (\\d+ d \\d+ h|\\d+ h \\d+ min|\\d+ min)"), "a countdown: " + countdown);
            assertEquals("Weekly Q&A", live.findElement(By.tagName("h3")).getText());
        }
        assertTrue(lives.get(3).findElement(By.className("countdown")).getText().matches("in 2\\d d \\d+ h"),
                "the fourth live is three weeks after the first");

        // WHEN the creator skips the first one (and confirms)
        lives.get(0).findElement(By.xpath(".//button[normalize-space()='Skip this one']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.alertIsPresent()).accept();

        // THEN it is badged "Skipped" and the API has it cancelled
        browser.waitForText(By.cssSelector("li.occurrence[data-status='cancelled'] .badge"), "Skipped");
        assertEquals("cancelled", api(browser, key).get("/v1/occurrences").then().statusCode(200).extract().path("items[0].status"));

        // WHEN the creator moves the second one more than the 30 days a move may reach
        lives = occurrences(browser, 4);
        browser.click(lives.get(1).findElement(By.xpath(".//button[normalize-space()='Move this one']")));
        assertEquals(first.plusDays(7) + "T19:00", browser.waitFor(By.id("move-start")).getAttribute("value"),
                "the sheet starts from the live's own time, in its zone");
        browser.pick("move-start", first.plusDays(40) + "T20:30");
        browser.click(By.id("move-submit"));

        // THEN the API's problem is shown beside the field, and nothing moved
        browser.waitForText(By.id("move-start-error"), "30 days");
        assertEquals("true", browser.driver().findElement(By.id("move-start")).getAttribute("aria-invalid"));
        assertEquals(planned.get(1), api(browser, key).get("/v1/occurrences").then().statusCode(200).extract().path("items[1].start"));

        // WHEN it is moved to the next day at 20:30 instead
        browser.pick("move-start", first.plusDays(8) + "T20:30");
        browser.click(By.id("move-submit"));

        // THEN the sheet closes, and the live is badged "Moved" at its new start, which the API has too
        browser.waitUntilGone(By.id("move-sheet"));
        String moved = first.plusDays(8).atTime(20, 30).atZone(BERLIN).toInstant().toString();
        browser.waitFor(By.cssSelector("li.occurrence[data-status='moved'] time[datetime='" + moved + "']"));
        assertEquals(moved, api(browser, key).get("/v1/occurrences").then().statusCode(200).extract().path("items[1].start"));

        // WHEN the creator types a vacation whose last day is before its first
        LocalDate from = first.plusDays(13);
        WebElement fromField = browser.driver().findElement(By.cssSelector("form#vacation input[name=from]"));
        WebElement toField = browser.driver().findElement(By.cssSelector("form#vacation input[name=to]"));
        fromField.sendKeys(from.format(TYPED_DATE));
        toField.sendKeys(from.minusDays(3).format(TYPED_DATE));
        browser.click(SET_VACATION);

        // THEN the API's problem is shown beside the last day, with both dates as typed
        WebElement toError = browser.waitFor(By.id(toField.getAttribute("id") + "-error"));
        assertEquals("must not be before from", toError.getText());
        assertEquals("true", toField.getAttribute("aria-invalid"));
        assertEquals(from.toString(), fromField.getAttribute("value"));
        assertEquals(from.minusDays(3).toString(), toField.getAttribute("value"));

        // WHEN the last day is fixed: two weeks covering the third and fourth lives
        toField.sendKeys(from.plusDays(10).format(TYPED_DATE));
        assertEquals(from.plusDays(10).toString(), toField.getAttribute("value"));
        browser.click(SET_VACATION);

        // THEN those two are badged "Vacation", the skipped one stays skipped, the moved one is still planned
        browser.waitForText(By.id("vacation-current"), "Off from " + from + " to " + from.plusDays(10));
        lives = occurrences(browser, 4);
        assertEquals(List.of("Skipped", "Moved", "Vacation", "Vacation"), lives.stream().map(NextLivesScreenIT::badge).toList());
        browser.assertFitsThePhoneWidth();
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("next");

        // and the feed link is absolute and serves the calendar without the key
        String feed = browser.driver().findElement(By.id("feed-url")).getAttribute("value");
        URI feedUri = URI.create(feed);
        assertTrue(feedUri.isAbsolute() && feedUri.getPath().startsWith("/v1/calendar/") && feedUri.getPath().endsWith(".ics"), feed);
        Response calendar = given().get(feed);
        assertEquals(200, calendar.statusCode());
        assertTrue(calendar.contentType().startsWith("text/calendar"), calendar.contentType());
        assertTrue(calendar.asString().contains("BEGIN:VCALENDAR") && calendar.asString().contains("Weekly Q&A"), "the feed lists the lives");
    }

    /** Waits for the list to show that many lives (it is re-rendered after each change) and answers them. */
    private static List<WebElement> occurrences(Browser browser, int count) {
        By items = By.cssSelector("#occurrences li.occurrence");
        browser.waitUntil(count + " lives are listed", () -> browser.driver().findElements(items).size() == count);
        return browser.driver().findElements(items);
    }

    private static String badge(WebElement live) {
        List<WebElement> badges = live.findElements(By.className("badge"));
        return badges.isEmpty() ? "" : badges.get(0).getText();
    }

    private static RequestSpecification api(Browser browser, String key) {
        return given().baseUri(browser.baseUri()).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }
}
