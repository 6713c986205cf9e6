package dev.livecue.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: immediately, then after each of the configured waits (the contract's:
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 20 h and 25 h), each stretched by up to 20 % of random jitter (so
 * receivers coming back from an outage are not hit by every sender at the same second): 10 attempts over at least
 * 72 h, then the message is dead-lettered. A {@code Retry-After} on 429 or 503 is honoured as a lower bound,
 * capped at a day.
 */
final class RetrySchedule {

    /** The contract's waits, the default of {@code livecue.webhooks.retry-delays}. */
    static final String CONTRACT = "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H,PT20H,PT25H";
    private static final double MAX_JITTER = 0.2;
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final List<Duration> delays;

    RetrySchedule(List<Duration> delays) {
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays must not be negative: " + delays);
        }
        this.delays = List.copyOf(delays);
    }

    /** How many attempts a message gets before it is dead-lettered. */
    int maxAttempts() {
        return delays.size() + 1;
    }

    /** When to try after {@code attemptsMade} failed attempts, or empty when they were the last. */
    Optional<Instant> next(int attemptsMade, Instant now, Integer statusCode, String retryAfter) {
        if (attemptsMade >= maxAttempts()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        Duration delay = base.plusMillis((long) (base.toMillis() * ThreadLocalRandom.current().nextDouble(MAX_JITTER)));
        if (statusCode != null && (statusCode == 429 || statusCode == 503)) {
            Duration asked = retryAfter(retryAfter, now).orElse(Duration.ZERO);
            delay = max(delay, min(asked, MAX_RETRY_AFTER));
        }
        return Optional.of(now.plus(delay));
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110 section 10.2.3). */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from);
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
