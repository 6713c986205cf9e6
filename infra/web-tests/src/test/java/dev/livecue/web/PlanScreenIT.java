package dev.livecue.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.restassured.path.json.JsonPath;

/**
 * Plan a live (#/plan) at phone size: a weekly live on two days becomes the right RRULE and shows up in Next lives;
 * a problem the API names appears beside its field without losing what was typed; the API's title warnings show
 * as the creator types and after planning.
 */
@WebTest
class PlanScreenIT {

    private static final String TITLE = "Acoustic music night";

    @Test
    void weeklyLiveOnTwoDays_shouldBePlannedAndAppearInNextLives(Browser browser) {
        String apiKey = browser.signInAsNewCreator("planweekly");
        browser.open("#/plan");
        browser.type(By.id("plan-title"), TITLE);
        browser.type(By.id("plan-keywords"), "music, acoustic");
        browser.click(By.cssSelector("input[name=repeat][value=weekly]"));
        chooseDays(browser, "MO", "TH");
        browser.waitUntil("the form previews five dates", () -> browser.driver()
                .findElements(By.cssSelector("#plan-preview .planned-date")).size() == 5);
        browser.assertFitsThePhoneWidth();

        browser.click(By.id("plan-submit"));

        WebElement result = browser.waitForText(By.id("plan-result"), "Planned: " + TITLE);
        assertTrue(result.getText().contains("Every week on Mon and Thu, 12 lives."), result.getText());
        List<WebElement> dates = browser.driver().findElements(By.cssSelector("#plan-result-dates .planned-date"));
        assertEquals(5, dates.size(), "the result lists the next five lives");
        browser.waitUntilGone(By.cssSelector("#toast.shown"));
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("plan");
        // the presets became the RRULE a user would have written by hand, and the first live is on a chosen day
        String recurrence = given().baseUri(browser.baseUri()).auth().oauth2(apiKey).get("/v1/schedules")
                .then().statusCode(200).extract().path("items[0].recurrence");
        assertEquals("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12", recurrence);
        assertTrue(dates.get(0).getText().matches("(Mon|Thu),.*"), "first live on Mon or Thu: " + dates.get(0).getText());

        browser.click(By.id("see-next"));
        browser.waitForText(By.id("occurrences"), TITLE);
        List<WebElement> lives = browser.driver().findElements(By.cssSelector("#occurrences li.occurrence"));
        assertTrue(lives.size() >= 8, "two lives a week for 30 days, got " + lives.size());
        for (WebElement live : lives) {
            assertTrue(live.getText().contains(TITLE), live.getText());
            assertTrue(live.findElement(By.className("countdown")).getText().startsWith("in "), live.getText());
        }
    }

    @Test
    void weeklyLive_shouldFollowTheStartsWeekday_untilDaysAreChosen(Browser browser) {
        // GIVEN "every week" chosen while the start is the default one (its weekday ticked)
        String apiKey = browser.signInAsNewCreator("planfollow");
        browser.open("#/plan");
        browser.type(By.id("plan-title"), TITLE);
        browser.click(By.cssSelector("input[name=repeat][value=weekly]"));

        // WHEN the start is then set to another weekday (three days on from the default start's, tomorrow's)
        DayOfWeek other = LocalDate.now().plusDays(1).getDayOfWeek().plus(3);
        LocalDate day = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.next(other));
        browser.pick("plan-start", day + "T18:00");
        browser.click(By.id("plan-submit"));
        browser.waitForText(By.id("plan-result"), "Planned: " + TITLE);

        // THEN the series is on that weekday from that day, not on the weekday the default start had ticked
        JsonPath schedule = given().baseUri(browser.baseUri()).auth().oauth2(apiKey).get("/v1/schedules")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("FREQ=WEEKLY;BYDAY=" + other.name().substring(0, 2) + ";COUNT=12", schedule.getString("items[0].recurrence"));
        assertEquals(day + "T18:00:00", schedule.getString("items[0].start"));
    }

    @Test
    void startInThePast_shouldBeShownBesideStart_keepingTheTypedTitle(Browser browser) {
        browser.signInAsNewCreator("planpast");
        browser.open("#/plan");
        browser.type(By.id("plan-title"), TITLE);
        browser.pick("plan-start", "2020-01-06T19:00");

        browser.click(By.id("plan-submit"));

        WebElement error = browser.waitForText(By.id("plan-start-error"), "must be in the future");
        assertTrue(error.isDisplayed());
        WebElement start = browser.driver().findElement(By.id("plan-start"));
        assertEquals("true", start.getAttribute("aria-invalid"));
        assertTrue(start.getAttribute("aria-describedby").contains("plan-start-error"), "the error is announced with the field");
        assertEquals("plan-start", browser.script("return document.activeElement.id"), "focus moves to the field to fix");
        assertEquals(TITLE, browser.driver().findElement(By.id("plan-title")).getAttribute("value"));
        assertNull(browser.driver().findElement(By.id("plan-title")).getAttribute("aria-invalid"),
                "only the field the API named is marked");
        assertTrue(browser.driver().findElements(By.id("plan-result")).isEmpty(), "nothing was planned");
    }

    @Test
    void titleWithoutAKeyword_shouldWarnWhileTypingAndAfterPlanning(Browser browser) {
        browser.signInAsNewCreator("planwarn");
        browser.open("#/plan");
        browser.type(By.id("plan-keywords"), "music");
        browser.type(By.id("plan-title"), "Friday night Q&A");

        browser.waitForText(By.id("plan-title-warning"), "none of the keywords (music)");
        assertTrue(browser.driver().findElement(By.id("plan-title-error")).getText().isEmpty(), "a warning is not an error");

        browser.click(By.id("plan-submit"));
        browser.waitForText(By.id("plan-result-warnings"), "none of the keywords (music)");
    }

    /** Exactly these weekday boxes ticked (the form pre-ticks the start's weekday). */
    private static void chooseDays(Browser browser, String... days) {
        for (WebElement day : browser.driver().findElements(By.cssSelector("input[name=day]"))) {
            boolean wanted = List.of(days).contains(day.getAttribute("value"));
            if (day.isSelected() != wanted) {
                browser.click(day);
            }
        }
    }
}
