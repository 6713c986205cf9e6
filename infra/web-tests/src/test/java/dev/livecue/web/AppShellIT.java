package dev.livecue.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The app's shell at phone size: it fits the screen, a pasted API key signs in, sign-out forgets the key. */
@WebTest
class AppShellIT {

    @Test
    void signsInWithAPastedKeyAndSignsOutForgettingIt(Browser browser) {
        browser.open("");
        browser.waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
        browser.assertFitsThePhoneWidth();
        browser.screenshot("sign-in");

        browser.signIn(browser.createCreator("{\"handle\":\"shell\",\"timeZone\":\"Europe/Berlin\"}"));
        for (String route : new String[] {"#/next", "#/plan", "#/check", "#/live", "#/insights", "#/automations"}) {
            browser.waitFor(By.cssSelector("nav a[href='" + route + "']"));
        }
        assertTrue(browser.driver().findElement(By.cssSelector("main#view")).isDisplayed(), "the main view is shown once signed in");
        browser.assertFitsThePhoneWidth();

        browser.driver().findElement(By.cssSelector("button#sign-out")).click();
        browser.waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
        assertEquals(0L, browser.script("return localStorage.length"), "sign-out leaves nothing in localStorage");
        browser.open("");
        browser.waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
    }

    @Test
    void aKeyThatStopsWorking_keepsWhatWasTyped_forTheSameCreatorOnly(Browser browser) {
        // GIVEN a creator signed in with a second key, half-way through typing a plan, when that key is revoked
        String first = browser.createCreator("{\"handle\":\"shelldraft\",\"timeZone\":\"Europe/Berlin\"}");
        browser.open("");
        revokeWhileTyping(browser, first, newKey(browser, first), "Half-typed plan");

        // WHEN the creator signs in again with the other key
        browser.signIn(first);

        // THEN the plan is as it was typed
        browser.open("#/plan");
        assertEquals("Half-typed plan", browser.waitFor(By.id("plan-title")).getAttribute("value"));

        // AND drafts kept that way are not shown to another creator signing in on the same phone
        revokeWhileTyping(browser, first, newKey(browser, first), "Someone else's plan");
        browser.signIn(browser.createCreator("{\"handle\":\"shellother\",\"timeZone\":\"Europe/Berlin\"}"));
        browser.open("#/plan");
        assertEquals("", browser.waitFor(By.id("plan-title")).getAttribute("value"));
    }

    private record ApiKey(String id, String apiKey) {
    }

    private static ApiKey newKey(Browser browser, String apiKey) {
        JsonPath issued = given().baseUri(browser.baseUri()).auth().oauth2(apiKey).contentType(ContentType.JSON)
                .body("{\"name\":\"phone\"}").post("/v1/api-keys").then().statusCode(201).extract().jsonPath();
        return new ApiKey(issued.getString("id"), issued.getString("apiKey"));
    }

    private static void typePlanTitle(Browser browser, String title) {
        browser.open("#/plan");
        WebElement field = browser.waitFor(By.id("plan-title"));
        field.clear();
        field.sendKeys(title);
    }

    /**
     * Signs in with {@code doomed}, types a plan title, revokes the key with {@code other} and submits: the app
     * answers the 401 by asking for a key again.
     */
    private static void revokeWhileTyping(Browser browser, String other, ApiKey doomed, String title) {
        if (browser.driver().findElements(By.cssSelector("button#sign-out")).stream().anyMatch(WebElement::isDisplayed)) {
            browser.click(By.cssSelector("button#sign-out"));
        }
        browser.signIn(doomed.apiKey());
        typePlanTitle(browser, title);
        // the as-you-type preview answers first: one sent after the revocation would sign out before the submit
        browser.waitFor(By.cssSelector("#plan-preview .planned-dates li"));
        given().baseUri(browser.baseUri()).auth().oauth2(other).delete("/v1/api-keys/" + doomed.id()).then().statusCode(204);
        browser.click(By.id("plan-submit"));
        browser.waitFor(By.cssSelector("form#sign-in input[name=apiKey]"));
    }
}
