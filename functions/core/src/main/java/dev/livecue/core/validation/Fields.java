package dev.livecue.core.validation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Parsers for the field formats of the API contract; each records a violation instead of throwing. */
public final class Fields {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private Fields() {
    }

    /** An IANA time zone such as {@code America/New_York}; offsets like {@code +02:00} are not time zones. */
    public static Optional<ZoneId> timeZone(Violations v, String field, String value) {
        if (value == null || !ZONES.contains(value) || !value.contains("/") && !value.equals("UTC")) {
            v.add(field, value == null ? "is required" : "'" + value + "' is not an IANA time zone such as America/New_York");
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            v.add(field, "'" + value + "' is not an IANA time zone such as America/New_York");
            return Optional.empty();
        }
    }

    /** A BCP 47 language tag with a language, such as {@code en-US} or {@code de}. */
    public static Optional<Locale> locale(Violations v, String field, String value) {
        if (value == null) {
            v.add(field, "is required");
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            if (!locale.getLanguage().isEmpty() && value.length() <= 35) {
                return Optional.of(locale);
            }
        } catch (IllformedLocaleException e) {
            // reported below
        }
        v.add(field, "'" + value + "' is not a BCP 47 language tag such as en-US");
        return Optional.empty();
    }

    /** An ISO-8601 duration such as {@code PT1H} within [min, max]. */
    public static Optional<Duration> duration(Violations v, String field, String value, Duration min, Duration max) {
        if (value == null) {
            v.add(field, "is required");
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(value);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                v.add(field, "must be between " + min + " and " + max);
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            v.add(field, "'" + value + "' is not an ISO-8601 duration such as PT1H");
            return Optional.empty();
        }
    }

    /**
     * An RFC 3339 instant such as {@code 2026-12-04T00:00:00Z}; another offset is accepted and converted to UTC.
     * Sub-millisecond digits are dropped, as everywhere in Livecue.
     */
    public static Optional<Instant> instant(Violations v, String field, String value) {
        if (value == null) {
            v.add(field, "is required");
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        } catch (DateTimeParseException e) {
            v.add(field, "'" + value + "' is not an RFC 3339 instant such as 2026-12-04T19:00:00Z");
            return Optional.empty();
        }
    }

    /** Trimmed text of 1..max characters (code points), without control characters. */
    public static Optional<String> text(Violations v, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            v.add(field, "is required and must not be blank");
            return Optional.empty();
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > max) {
            v.add(field, "must be at most " + max + " characters (is " + length + ")");
            return Optional.empty();
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            v.add(field, "must not contain control characters");
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }
}
