package dev.livecue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Before going live: "Check my connection" measures the connection against the probes in the browser, so DevTools
 * network throttling makes the verdict the screen shows worse; the checklist is kept for the rest of the day.
 */
@WebTest
class ConnectionCheckIT {

    /** 400 ms round trips and 250 kbit/s both ways: far too little upload for a live. */
    static final NetworkConditions WEAK = new NetworkConditions(Duration.ofMillis(400), 250, 250);
    /** A check on a throttled link takes several seconds of transfers; on a loaded machine more. */
    static final Duration CHECK_WAIT = Duration.ofSeconds(120);
    private static final List<String> VERDICTS_BEST_FIRST = List.of("excellent", "good", "fair", "poor", "offline");

    private record Shown(String verdict, int score) {
    }

    @Test
    void aThrottledConnectionGetsAWorseVerdictThanAnUnthrottledOne(Browser browser) {
        browser.signInAsNewCreator("checker");
        browser.open("#/check");

        Shown unthrottled = check(browser);
        browser.throttle(WEAK);
        Shown throttled = check(browser);
        browser.unthrottle();

        assertTrue(VERDICTS_BEST_FIRST.indexOf(throttled.verdict()) > VERDICTS_BEST_FIRST.indexOf(unthrottled.verdict()),
                "throttled " + throttled + " should be judged worse than unthrottled " + unthrottled);
        assertTrue(throttled.score() < unthrottled.score(), "score " + throttled + " vs " + unthrottled);
        double upload = Double.parseDouble(browser.driver()
                .findElement(By.cssSelector("#check-numbers dd[data-value]")).getAttribute("data-value"));
        assertTrue(upload < 1, "the throttled upload is shown as measured (250 kbit/s), was " + upload + " Mbps");
        String findings = browser.driver().findElement(By.id("check-findings")).getText();
        assertTrue(findings.contains("Your phone sends only"), "the upload finding in plain words: " + findings);
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("ol#check-steps > li"));
        assertTrue(steps.size() >= 3, "ordered steps to fix it, got " + steps.size());
        assertFalse(browser.driver().findElement(By.id("check-recommendation")).getText().isBlank());
        browser.assertFitsThePhoneWidth();

        browser.script("document.getElementById('check-connection').scrollIntoView()");
        browser.screenshot("check");
    }

    @Test
    void theChecklistIsKeptForTheNextLiveOfTheDay(Browser browser) {
        browser.signInAsNewCreator("checklist");
        browser.open("#/check");
        browser.click(By.cssSelector("#checklist input[value=lighting]"));
        browser.click(By.cssSelector("#checklist input[value=title]"));

        browser.driver().navigate().refresh();

        assertTrue(browser.waitFor(By.cssSelector("#checklist input[value=lighting]")).isSelected());
        assertTrue(browser.driver().findElement(By.cssSelector("#checklist input[value=title]")).isSelected());
        assertFalse(browser.driver().findElement(By.cssSelector("#checklist input[value=background]")).isSelected());
        assertEquals("Go live", browser.driver().findElement(By.id("go-live-link")).getText());
    }

    /** Presses "Check my connection" and waits for the verdict of this check (not the previous one's). */
    private static Shown check(Browser browser) {
        List<WebElement> previous = browser.driver().findElements(By.id("check-verdict"));
        browser.click(By.id("check-connection"));
        WebDriverWait wait = new WebDriverWait(browser.driver(), CHECK_WAIT);
        previous.forEach(verdict -> wait.until(ExpectedConditions.stalenessOf(verdict)));
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-verdict")));
        int score = Integer.parseInt(browser.driver().findElement(By.id("check-score")).getAttribute("data-score"));
        return new Shown(verdict.getAttribute("data-verdict"), score);
    }
}
