package dev.livecue.web;

import static io.restassured.RestAssured.given;
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

import com.standardwebhooks.Webhook;

import dev.livecue.testing.WebhookReceiver;
import dev.livecue.testing.WebhookReceiver.Received;
import dev.livecue.testing.WebhookReceiver.Reply;
import io.restassured.path.json.JsonPath;

/**
 * Automations (#/automations) at phone size against a real receiver on loopback (the local stack allows http and
 * loopback targets): adding a subscription shows its secret once, "Send test" reaches the receiver signed and shows
 * its answer, a subscription the receiver disabled with 410 Gone is turned back on, and an API key made for a tool
 * is shown once, works at once and stops working when revoked.
 */
@WebTest
class AutomationsScreenIT {

    @Test
    void newSubscription_shouldShowItsSecretOnce_andItsTestDelivery(Browser browser) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            browser.signInAsNewCreator("autotest");
            browser.open("#/automations");

            // a URL the API refuses: its rule is shown beside the URL field
            browser.type(By.id("webhook-url"), "ftp://hooks.example.com/catch");
            browser.click(By.id("webhook-submit"));
            browser.waitForText(By.id("webhook-url-error"), "https");
            assertEquals("true", browser.driver().findElement(By.id("webhook-url")).getAttribute("aria-invalid"));

            browser.type(By.id("webhook-url"), receiver.url("/zap"));
            browser.type(By.id("webhook-description"), "Zapier reminders");
            browser.click(By.id("webhook-submit"));

            browser.waitForText(By.id("secret-once"), "you will not see it again");
            String secret = browser.driver().findElement(By.id("secret")).getAttribute("value");
            assertTrue(secret.startsWith("whsec_"), secret);
            assertEquals("copy-secret", browser.script("return document.activeElement.id"), "focus starts on Copy");
            browser.click(By.id("secret-done"));
            browser.waitUntilGone(By.id("secret"));
            assertTrue(browser.driver().findElement(By.id("webhook-url-error")).getText().isEmpty(),
                    "the earlier URL error is gone after adding");

            // once the sheet is closed, the secret is nowhere in the app, not even after a reload
            browser.driver().navigate().refresh();
            WebElement subscription = browser.waitForText(By.cssSelector("li.webhook"), "Zapier reminders");
            assertFalse(browser.driver().getPageSource().contains(secret), "the secret is shown once only");

            browser.click(subscription.findElement(By.xpath(".//button[text()='Send test']")));
            WebElement result = browser.waitForText(By.cssSelector("li.webhook .test-result"), "answered 204");
            assertTrue(result.getText().startsWith("Delivered"), result.getText());

            List<Received> got = receiver.received("/zap");
            assertEquals(1, got.size(), "one test delivery");
            assertEquals("webhook.test", JsonPath.from(got.get(0).body()).getString("type"));
            new Webhook(secret).verify(got.get(0).body(), got.get(0).headers());

            browser.click(subscription.findElement(By.xpath(".//button[text()='Deliveries']")));
            WebElement delivery = browser.waitForText(By.cssSelector("li.webhook .delivery"), "webhook.test");
            assertTrue(delivery.getText().contains("204"), delivery.getText());
            assertTrue(delivery.getText().contains("try 1"), delivery.getText());
            browser.assertFitsThePhoneWidth();
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("automations");
        }
    }

    @Test
    void apiKeyForATool_shouldBeShownOnce_workAtOnce_andStopWorkingWhenRevoked(Browser browser) {
        String appKey = browser.signInAsNewCreator("autokeys");
        browser.open("#/automations");

        // the key this app signed in with is listed, marked, and cannot be revoked from here
        WebElement own = browser.waitFor(By.cssSelector("#api-keys li.api-key"));
        assertTrue(own.getText().contains("This app") && own.getText().contains(appKey.substring(0, 7)), own.getText());
        assertTrue(own.findElements(By.tagName("button")).isEmpty(), "no Revoke for the app's own key");

        // WHEN the creator makes a key named Zapier
        browser.type(By.id("api-key-name"), "Zapier");
        browser.click(By.id("api-key-submit"));

        // THEN it is shown once, and it works against the API at once
        browser.waitForText(By.id("secret-once"), "you will not see it again");
        String toolKey = browser.driver().findElement(By.id("secret")).getAttribute("value");
        assertTrue(toolKey.startsWith("lc_") && !toolKey.equals(appKey), toolKey);
        given().baseUri(browser.baseUri()).auth().oauth2(toolKey).get("/v1/me").then().statusCode(200);
        browser.click(By.id("secret-done"));
        browser.waitUntilGone(By.id("secret"));
        // (listed in the API's order, which is not the order keys were made in)
        WebElement zapier = browser.waitFor(By.xpath("//ul[@id='api-keys']/li[contains(., 'Zapier')]"));
        assertEquals(2, browser.driver().findElements(By.cssSelector("#api-keys li.api-key")).size());
        assertFalse(browser.driver().getPageSource().contains(toolKey), "the key is shown once only");

        // WHEN it is revoked (and confirmed) THEN the tool gets 401 at once, and the app's own key still works
        browser.click(zapier.findElement(By.xpath(".//button[text()='Revoke']")));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waitUntil("one key is left", () -> browser.driver().findElements(By.cssSelector("#api-keys li.api-key")).size() == 1);
        given().baseUri(browser.baseUri()).auth().oauth2(toolKey).get("/v1/me").then().statusCode(401);
        given().baseUri(browser.baseUri()).auth().oauth2(appKey).get("/v1/me").then().statusCode(200);
    }

    @Test
    void subscriptionDisabledByGone_shouldBeTurnedBackOn(Browser browser) {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.reply("/gone", Reply.of(410));
            String apiKey = browser.signInAsNewCreator("autogone");
            browser.open("#/automations");
            browser.type(By.id("webhook-url"), receiver.url("/gone"));
            browser.click(By.id("webhook-submit"));
            browser.click(By.id("secret-done"));
            browser.waitForText(By.cssSelector("li.webhook"), receiver.url("/gone"));

            // going live sends session.started (chosen by default); the receiver answers 410 Gone
            given().baseUri(browser.baseUri()).auth().oauth2(apiKey).contentType("application/json").body("{}")
                    .post("/v1/sessions").then().statusCode(201);
            browser.waitUntil("the subscription is disabled", () -> "disabled".equals(given().baseUri(browser.baseUri())
                    .auth().oauth2(apiKey).get("/v1/webhooks").then().extract().path("items[0].status")));
            assertEquals(1, receiver.received("/gone").size(), "410 disables at once: no retry");

            browser.driver().navigate().refresh();
            WebElement subscription = browser.waitFor(By.cssSelector("li.webhook[data-status=disabled]"));
            assertTrue(subscription.getText().contains("Turned off"), subscription.getText());
            assertTrue(subscription.getText().contains("410"), "the reason is shown: " + subscription.getText());

            browser.click(subscription.findElement(By.xpath(".//button[text()='Turn back on']")));
            WebElement enabled = browser.waitFor(By.cssSelector("li.webhook[data-status=active]"));
            assertTrue(enabled.getText().contains("On"), enabled.getText());
            assertTrue(enabled.findElements(By.xpath(".//button[text()='Turn back on']")).isEmpty());
        }
    }
}
