package dev.livecue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The app's shell at phone size: it fits the screen, a pasted API key signs in, sign-out forgets the key. */
@WebTest
class AppShellIT {

    @Test
    void signsInWithAPastedKeyAndSignsOutForgettingIt(Browser browser) {
        browser.open("");
        browser.waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
        assertFitsThePhoneWidth(browser);
        browser.screenshot("sign-in");

        browser.signIn(browser.createCreator("{\"handle\":\"shell\",\"timeZone\":\"Europe/Berlin\"}"));
        for (String route : new String[] {"#/next", "#/plan", "#/check", "#/live", "#/insights", "#/automations"}) {
            browser.waitFor(By.cssSelector("nav a[href='" + route + "']"));
        }
        assertTrue(browser.driver().findElement(By.cssSelector("main#view")).isDisplayed(), "the main view is shown once signed in");
        assertFitsThePhoneWidth(browser);

        browser.driver().findElement(By.cssSelector("button#sign-out")).click();
        browser.waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
        assertEquals(0L, browser.script("return localStorage.length"), "sign-out leaves nothing in localStorage");
        browser.open("");
        browser.waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
    }

    private static void assertFitsThePhoneWidth(Browser browser) {
        long scrollWidth = (Long) browser.script("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth <= Browser.WIDTH, "no horizontal scrolling at " + Browser.WIDTH + " px: scrollWidth is " + scrollWidth);
    }
}
