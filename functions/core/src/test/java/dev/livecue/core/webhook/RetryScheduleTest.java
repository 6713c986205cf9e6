package dev.livecue.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** The default of livecue.webhooks.retry-delays, read as the configuration reads it. */
    private static final RetrySchedule CONTRACT = new RetrySchedule(
            Arrays.stream(RetrySchedule.CONTRACT.split(",")).map(Duration::parse).toList());

    @Test
    void next_shouldSpreadTenAttemptsOverAtLeast72Hours_thenStop() {
        // GIVEN every attempt fails at the moment it was due
        Instant at = NOW;
        int attempts = 1;
        Optional<Instant> next = CONTRACT.next(attempts, at, 500, null);
        while (next.isPresent()) {
            assertTrue(next.get().isAfter(at), "each retry comes later than the one before");
            at = next.get();
            attempts++;
            next = CONTRACT.next(attempts, at, 500, null);
        }
        // THEN
        assertEquals(10, attempts);
        assertTrue(Duration.between(NOW, at).compareTo(Duration.ofHours(72)) >= 0, "last attempt at " + at);
    }

    @Test
    void next_shouldFollowAConfiguredSchedule() {
        RetrySchedule compressed = new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertEquals(3, compressed.maxAttempts());
        Duration second = Duration.between(NOW, compressed.next(2, NOW, 500, null).orElseThrow());
        assertTrue(second.compareTo(Duration.ofSeconds(2)) >= 0 && second.compareTo(Duration.ofMillis(2400)) <= 0, second.toString());
        assertTrue(compressed.next(3, NOW, 500, null).isEmpty(), "the third attempt was the last");
    }

    @Test
    void next_shouldAddAtMostTwentyPercentJitter() {
        for (int i = 0; i < 200; i++) {
            Duration delay = Duration.between(NOW, CONTRACT.next(3, NOW, 500, null).orElseThrow());
            assertTrue(delay.compareTo(Duration.ofMinutes(30)) >= 0 && delay.compareTo(Duration.ofMinutes(36)) <= 0, delay.toString());
        }
    }

    @Test
    void next_shouldHonourRetryAfter_on429And503Only() {
        assertTrue(CONTRACT.next(1, NOW, 429, "3600").orElseThrow().compareTo(NOW.plusSeconds(3600)) >= 0);
        assertTrue(CONTRACT.next(1, NOW, 503, "Sun, 01 Mar 2026 14:00:00 GMT").orElseThrow()
                .compareTo(NOW.plus(Duration.ofHours(2))) >= 0);
        assertTrue(CONTRACT.next(1, NOW, 500, "3600").orElseThrow().isBefore(NOW.plusSeconds(7)));
        assertTrue(CONTRACT.next(1, NOW, 503, "999999999").orElseThrow().compareTo(NOW.plus(Duration.ofDays(1))) <= 0,
                "a hostile Retry-After is capped at a day");
        assertTrue(CONTRACT.next(1, NOW, 503, "soon").orElseThrow().isBefore(NOW.plusSeconds(7)));
    }
}
