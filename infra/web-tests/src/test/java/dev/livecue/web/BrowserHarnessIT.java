package dev.livecue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the browser tests rely on: a phone viewport, DevTools throttling that really slows requests, console errors seen. */
@WebTest
class BrowserHarnessIT {

    private static final String TIMED_FETCH = "const start = performance.now();"
            + " return fetch('/q/health/ready', {cache: 'no-store'}).then(r => r.text()).then(() => performance.now() - start);";

    @Test
    void opensAtPhoneSizeWithMobileLayout(Browser browser) {
        browser.open("");
        assertEquals(List.of((long) Browser.WIDTH, (long) Browser.HEIGHT), browser.script("return [innerWidth, innerHeight]"));
        assertEquals(2L, ((Number) browser.script("return devicePixelRatio")).longValue());
        assertEquals(true, browser.script("return matchMedia('(pointer: coarse)').matches"), "a touch screen, as on a phone");
    }

    @Test
    void throttlingAddsItsLatencyToRequests(Browser browser) {
        browser.open("");
        browser.throttle(NetworkConditions.SLOW_3G);
        double throttled = ((Number) browser.script(TIMED_FETCH)).doubleValue();
        assertTrue(throttled >= NetworkConditions.SLOW_3G.latency().toMillis(),
                "a request under Slow 3G takes at least its 2 s latency, took " + throttled + " ms");
        browser.unthrottle();
        browser.script(TIMED_FETCH);
    }

    @Test
    void javaScriptErrorsAreCaught(Browser browser) {
        browser.open("");
        browser.script("setTimeout(() => { throw new Error('harness-boom'); }); console.error('harness-logged');");
        List<String> errors = new ArrayList<>();
        browser.waitUntil("both errors reach the console log", () -> {
            errors.addAll(browser.takeConsoleErrors());
            return errors.stream().anyMatch(error -> error.contains("harness-logged"))
                    && errors.stream().anyMatch(error -> error.contains("harness-boom"));
        });
    }
}
