package dev.livecue.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Live: going live for the planned live around now, the degraded banner when background checks turn poor on a
 * throttled network (and its going away), the two-step end with the goodbye naming the next live, stats problems
 * beside their field, a replaced confirmation, the summary; and a cut-off live with its make-up slot.
 */
@WebTest
class LiveScreenIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void goesLiveSeesTheBannerOnAWeakConnectionAndEndsInTwoStepsNamingTheNextLive(Browser browser) {
        String apiKey = browser.signInAsNewCreator("golive");
        // weekly, the first in half an hour: "I'm live" counts as that one, and the goodbye names the week after
        LocalDateTime first = LocalDateTime.now(BERLIN).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        api(browser, apiKey).body(Map.of("title", "Wednesday Q&A", "start", first.toString(), "timeZone", "Europe/Berlin",
                "durationMinutes", 60, "recurrence", "FREQ=WEEKLY;COUNT=4"))
                .post("/v1/schedules").then().statusCode(201);
        ZonedDateTime next = first.plusWeeks(1).atZone(BERLIN);

        browser.script("localStorage.setItem('livecue.liveCheckSeconds', '5')");
        browser.open("#/live");
        browser.waitForText(By.id("start-form"), "This is my planned live: Wednesday Q&A");
        browser.click(By.id("start-live"));
        String sessionId = browser.waitFor(By.id("live-card")).getAttribute("data-session");
        WebDriverWait checks = new WebDriverWait(browser.driver(), ConnectionCheckIT.CHECK_WAIT);
        checks.until(ExpectedConditions.visibilityOfElementLocated(By.id("live-verdict")));

        browser.throttle(ConnectionCheckIT.WEAK);
        WebElement banner = checks.until(ExpectedConditions.visibilityOfElementLocated(By.id("degraded-banner")));
        assertEquals("alert", banner.getAttribute("role"));
        assertFalse(banner.findElements(By.cssSelector("ol#banner-steps > li")).isEmpty(), "the banner lists the steps");
        browser.assertFitsThePhoneWidth();
        browser.screenshot("live");
        browser.unthrottle();
        checks.until(ExpectedConditions.invisibilityOfElementLocated(By.id("degraded-banner")));

        browser.click(By.id("end-live"));
        String script = browser.waitFor(By.id("goodbye-script")).getText();
        for (String named : new String[] {next.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US),
                DateTimeFormatter.ofPattern("MMMM d", Locale.US).format(next), DateTimeFormatter.ofPattern("h:mm", Locale.US).format(next)}) {
            assertTrue(script.contains(named), "the goodbye names the next live (" + named + "): " + script);
        }
        assertEquals(Boolean.TRUE, browser.script("return document.getElementById('close-sheet').contains(document.activeElement)"),
                "focus moved into the sheet");
        // the "connection is back" toast would cover the stats in the README's picture
        browser.waitUntil("the toast has faded out", () -> Boolean.TRUE.equals(
                browser.script("return getComputedStyle(document.getElementById('toast')).opacity === '0'")));
        browser.screenshot("close");

        // more at once than in total: the API's problem lands beside the field, nothing typed is lost
        WebElement peak = browser.driver().findElement(By.name("stats.peakViewers"));
        peak.sendKeys("120");
        browser.driver().findElement(By.name("stats.uniqueViewers")).sendKeys("80");
        browser.click(By.id("confirm-end"));
        browser.waitForText(By.id(peak.getAttribute("id") + "-error"), "must not exceed");
        assertEquals("true", peak.getAttribute("aria-invalid"));
        assertEquals("80", browser.driver().findElement(By.name("stats.uniqueViewers")).getAttribute("value"));

        // the close is prepared again elsewhere: this sheet's token is replaced (409), the app explains and re-prepares
        api(browser, apiKey).body("{}").post("/v1/sessions/" + sessionId + "/close").then().statusCode(202);
        peak.clear();
        peak.sendKeys("60");
        browser.driver().findElement(By.name("stats.likes")).sendKeys("300");
        browser.click(By.id("confirm-end"));
        browser.waitForText(By.id("token-problem"), "You are still live");
        assertFalse(browser.driver().findElement(By.id("confirm-end")).isEnabled(), "a spent token cannot be confirmed again");
        browser.click(By.id("close-again"));
        browser.waitUntilGone(By.id("token-problem"));
        browser.click(By.id("confirm-end"));

        WebElement summary = browser.waitFor(By.id("live-summary"));
        assertEquals("60", summary.findElement(By.cssSelector("dd[data-stat=peakViewers]")).getText());
        assertEquals("300", summary.findElement(By.cssSelector("dd[data-stat=likes]")).getText());
        String replayUntil = api(browser, apiKey).get("/v1/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("occurrenceId", notNullValue())
                .body("stats.peakViewers", equalTo(60))
                .body("stats.uniqueViewers", equalTo(80))
                .extract().path("replayAvailableUntil");
        ZoneId phone = ZoneId.of((String) browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone"));
        String replayDay = DateTimeFormatter.ofPattern("MMM d", Locale.US).format(Instant.parse(replayUntil).atZone(phone));
        assertTrue(summary.findElement(By.id("summary-replay")).getText().contains(replayDay),
                "the replay window is shown: " + summary.getText());
    }

    @Test
    void aCutOffLiveOffersAMakeUpSlotToPlan(Browser browser) {
        String apiKey = browser.signInAsNewCreator("cutoff");
        browser.open("#/live");
        browser.waitFor(By.id("unscheduled-note"));
        browser.click(By.id("start-live"));
        String sessionId = browser.waitFor(By.id("live-card")).getAttribute("data-session");

        browser.click(By.id("cut-off"));
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();

        browser.waitForText(By.id("make-up-slot"), "Make it up on");
        String localStart = api(browser, apiKey).get("/v1/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("interrupted"))
                .extract().path("makeUp.localStart");
        String plan = browser.driver().findElement(By.id("plan-make-up")).getAttribute("href");
        assertTrue(plan.contains("#/plan?start=" + localStart.replace(":", "%3A")), plan);
    }

    private static RequestSpecification api(Browser browser, String apiKey) {
        return given().baseUri(browser.baseUri()).header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }
}
