package dev.livecue.core.schedule;

import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import dev.livecue.core.validation.Violations;

/**
 * An RFC 5545 RRULE, parsed and expanded by ical4j, behind the guards of the API contract so a hostile rule
 * cannot burn the function's CPU:
 * <ul>
 * <li>FREQ is DAILY, WEEKLY, MONTHLY or YEARLY, and BYHOUR/BYMINUTE/BYSECOND are refused: the time of day comes
 * from the schedule's {@code start}, so a series has at most one live per local day;</li>
 * <li>COUNT is at most {@value #MAX_OCCURRENCES} and INTERVAL at most {@value #MAX_INTERVAL}; a rule without COUNT
 * or UNTIL is a rolling series, expanded at most {@value #MAX_OCCURRENCES} occurrences at a time;</li>
 * <li>every expansion stops after a given number of results, and ical4j itself gives up after
 * 1000 consecutive steps without a match (its {@code maxIncrementCount}).</li>
 * </ul>
 */
public final class Recurrence {

    public static final int MAX_OCCURRENCES = 366;
    static final int MAX_INTERVAL = 99;
    private static final int MAX_LENGTH = 512;
    private static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY);
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY",
            "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");

    private final String rule;
    private final Recur<ZonedDateTime> recur;

    private Recurrence(String rule, Recur<ZonedDateTime> recur) {
        this.rule = rule;
        this.recur = recur;
    }

    /** The rule as stored and shown: upper case, without an {@code RRULE:} prefix. */
    public String rule() {
        return rule;
    }

    /** Whether the rule ends by itself (COUNT or UNTIL). */
    public boolean bounded() {
        return recur.getCount() > 0 || recur.getUntil() != null;
    }

    /**
     * The starts generated from {@code seed} that fall between {@code from} and {@code to} (both included), at
     * most {@code max}. Local times that fall into a DST gap move forward by the gap; ambiguous ones take the
     * earlier offset (RFC 5545 3.3.5, which is also what {@link ZonedDateTime#of} does).
     */
    public List<ZonedDateTime> expand(ZonedDateTime seed, ZonedDateTime from, ZonedDateTime to, int max) {
        return recur.getDates(seed, from, to, max);
    }

    /** Reads a rule as stored; it was validated when it was written. */
    public static Recurrence of(String rule) {
        Violations v = new Violations();
        Recurrence parsed = parse(v, "recurrence", rule).orElse(null);
        if (parsed == null) {
            throw new IllegalStateException("stored recurrence '" + rule + "' no longer parses");
        }
        return parsed;
    }

    /** Parses and guards a rule sent by a client; every problem is reported on {@code field}. */
    public static Optional<Recurrence> parse(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            v.add(field, "must be an RRULE such as FREQ=WEEKLY;BYDAY=FR (or leave it out for a one-off live)");
            return Optional.empty();
        }
        String rule = text.strip().toUpperCase(Locale.ROOT);
        if (rule.startsWith("RRULE:")) {
            rule = rule.substring("RRULE:".length());
        }
        if (rule.length() > MAX_LENGTH || rule.chars().anyMatch(Character::isWhitespace)) {
            v.add(field, "must be one RRULE line of at most " + MAX_LENGTH + " characters, without DTSTART");
            return Optional.empty();
        }
        Map<String, String> parts = parts(v, field, rule);
        if (parts == null) {
            return Optional.empty();
        }
        if (!checkNumber(v, field, parts, "COUNT", MAX_OCCURRENCES,
                "more than " + MAX_OCCURRENCES + " occurrences; use a smaller COUNT, an UNTIL, or no end for a rolling series")
                || !checkNumber(v, field, parts, "INTERVAL", MAX_INTERVAL, "more than " + MAX_INTERVAL)) {
            return Optional.empty();
        }
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            v.add(field, "must not have both COUNT and UNTIL");
            return Optional.empty();
        }
        if (parts.containsKey("UNTIL") && !parts.get("UNTIL").matches("\\d{8}T\\d{6}Z")) {
            v.add(field, "UNTIL must be a UTC date-time such as 20271231T235959Z (RFC 5545: with a time zone, UNTIL is in UTC)");
            return Optional.empty();
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(rule);
        } catch (IllegalArgumentException | DateTimeException e) {
            v.add(field, "is not a valid RFC 5545 RRULE: " + readable(e.getMessage()));
            return Optional.empty();
        }
        if (!ALLOWED.contains(recur.getFrequency())) {
            v.add(field, "FREQ=" + recur.getFrequency() + " is more frequent than DAILY; lives repeat at most daily");
            return Optional.empty();
        }
        if (!RecurrenceGrammar.check(v, field, parts)) {
            return Optional.empty();
        }
        return Optional.of(new Recurrence(rule, recur));
    }

    /** ical4j's message, without the Java names its enum lookups put in ("No enum constant net.fortuna...Day.XX"). */
    private static String readable(String message) {
        return String.valueOf(message).replaceAll("No enum constant [\\w.$]+\\.", "unknown value ");
    }

    private static Map<String, String> parts(Violations v, String field, String rule) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.split(";", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (name.equals("DTSTART")) {
                v.add(field, "must not contain DTSTART: the first live is the schedule's start");
                return null;
            }
            if (name.equals("BYHOUR") || name.equals("BYMINUTE") || name.equals("BYSECOND")) {
                v.add(field, name + " is not allowed: the time of day comes from start, and lives repeat at most daily");
                return null;
            }
            if (eq <= 0 || !PARTS.contains(name)) {
                v.add(field, "'" + part + "' is not a supported RRULE part (use " + String.join(", ", PARTS.stream().sorted().toList()) + ")");
                return null;
            }
            if (parts.put(name, part.substring(eq + 1)) != null) {
                v.add(field, name + " must not repeat");
                return null;
            }
        }
        if (!parts.containsKey("FREQ")) {
            v.add(field, "must contain FREQ, such as FREQ=WEEKLY");
            return null;
        }
        return parts;
    }

    private static boolean checkNumber(Violations v, String field, Map<String, String> parts, String name, int max,
            String tooMany) {
        String value = parts.get(name);
        if (value == null) {
            return true;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < 1) {
            v.add(field, name + " must be a whole number of at least 1");
            return false;
        }
        return v.check(Integer.parseInt(value) <= max, field, name + "=" + value + " is " + tooMany);
    }
}
