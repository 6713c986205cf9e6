package dev.livecue.core.validation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Parsers for the field formats of the API contract; each records a violation instead of throwing. */
public final class Fields {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final String DROPPED_ZONES = "SystemV/";
    /** Longest language tag {@link #locale} takes. */
    public static final int MAX_LOCALE = 35;
    /** What {@link #localDateTime} reads, as a JSON Schema pattern for the API's documents. */
    public static final String LOCAL_DATE_TIME_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.0{1,9})?)?$";

    private Fields() {
    }

    /**
     * An IANA Area/Location time zone such as {@code America/New_York} (or {@code UTC}); offsets like {@code +02:00}
     * are not time zones, and neither are the legacy names Java still knows but the tz database dropped in 2020b
     * ({@code SystemV/EST5}): no calendar app can be told what they mean.
     */
    public static Optional<ZoneId> timeZone(Violations v, String field, String value) {
        if (value == null || !ZONES.contains(value) || !value.contains("/") && !value.equals("UTC")
                || value.startsWith(DROPPED_ZONES)) {
            v.add(field, value == null ? "is required" : "'" + value + "' is not an IANA Area/Location time zone such as America/New_York");
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            v.add(field, "'" + value + "' is not an IANA Area/Location time zone such as America/New_York");
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
            if (!locale.getLanguage().isEmpty() && value.length() <= MAX_LOCALE) {
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
     * The years Livecue plans and records in. RFC 3339 has four-digit years only, and a value outside these years is
     * a typo rather than a live: without the bound, {@code +99999-01-10T10:00} parses (java.time reads signed years)
     * and far-future dates overflow the date-ordered keys in the store.
     */
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2999;

    /**
     * An RFC 3339 instant such as {@code 2026-12-04T00:00:00Z}; another offset is accepted and converted to UTC.
     * Sub-millisecond digits are dropped, as everywhere in Livecue.
     */
    public static Optional<Instant> instant(Violations v, String field, String value) {
        return dated(v, field, value, text -> OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS),
                at -> at.atZone(ZoneOffset.UTC).getYear(), "is required",
                "is not an RFC 3339 instant such as 2026-12-04T19:00:00Z");
    }

    /** {@link #instant}, or empty when the value is left out (absent or blank), as optional query parameters are. */
    public static Optional<Instant> instantIfGiven(Violations v, String field, String value) {
        return value == null || value.isEmpty() ? Optional.empty() : instant(v, field, value);
    }

    /** An ISO local date-time such as {@code 2026-12-04T19:00}: the zone is a separate field. */
    public static Optional<LocalDateTime> localDateTime(Violations v, String field, String value) {
        // whole seconds at most: the calendar feed (RFC 5545 DATE-TIME) has no fractions to keep
        return dated(v, field, value, LocalDateTime::parse, LocalDateTime::getYear,
                "is required: a local date-time such as 2026-12-04T19:00",
                "is not a local date-time such as 2026-12-04T19:00 (no offset: the zone goes in timeZone)")
                .filter(t -> v.check(t.getNano() == 0, field,
                        "'" + value + "' has a fraction of a second: a live starts at a whole second at most, such as 2026-12-04T19:00"));
    }

    /** An ISO date such as {@code 2026-12-20}. */
    public static Optional<LocalDate> date(Violations v, String field, String value) {
        return dated(v, field, value, LocalDate::parse, LocalDate::getYear, "is required: a date such as 2026-12-20",
                "is not a date such as 2026-12-20");
    }

    private static <T> Optional<T> dated(Violations v, String field, String value, Function<String, T> parse,
            ToIntFunction<T> year, String whenMissing, String whenMalformed) {
        if (value == null) {
            v.add(field, whenMissing);
            return Optional.empty();
        }
        T parsed;
        try {
            parsed = parse.apply(value);
        } catch (DateTimeParseException e) {
            v.add(field, "'" + value + "' " + whenMalformed);
            return Optional.empty();
        }
        int in = year.applyAsInt(parsed);
        return v.check(in >= FIRST_YEAR && in <= LAST_YEAR, field,
                "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR + " (is in " + in + ")")
                ? Optional.of(parsed) : Optional.empty();
    }

    /**
     * One line of text (a title, a name): trimmed, 1..max characters, at least one of them visible, and no control
     * characters, line breaks and tabs included: a title shows on one line everywhere it goes.
     */
    public static Optional<String> text(Violations v, String field, String value, int max) {
        return text(v, field, value, max, false);
    }

    /**
     * Text that may run over several lines (a description): as {@link #text}, but line breaks and tabs are kept,
     * a CRLF or a lone CR (as Windows clients send them) read as LF.
     */
    public static Optional<String> paragraphs(Violations v, String field, String value, int max) {
        return text(v, field, value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n'), max, true);
    }

    private static Optional<String> text(Violations v, String field, String value, int max, boolean lines) {
        if (value == null || value.codePoints().noneMatch(Fields::visible)) {
            v.add(field, "is required and must not be blank");
            return Optional.empty();
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > max) {
            v.add(field, "must be at most " + max + " characters (is " + length + ")");
            return Optional.empty();
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\t')))) {
            v.add(field, lines ? "must not contain control characters other than line breaks and tabs"
                    : "must be one line without control characters (no line breaks or tabs)");
            return Optional.empty();
        }
        // JSON lets "\ud800" through; a lone surrogate is no character (RFC 7493) and turns into "?" in the feed.
        if (trimmed.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            v.add(field, "must be valid Unicode: it holds an unpaired surrogate (a \\uD800-\\uDFFF escape without its pair)");
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /** Whether a character shows: no space of any kind, control, or invisible format character (zero-width, BOM). */
    private static boolean visible(int c) {
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT;
    }
}
