package dev.livecue.core.schedule;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.livecue.core.validation.Violations;

/**
 * What RFC 5545 (3.3.10) allows in an RRULE's parts that ical4j's parser does not check: each BYxxx list is
 * non-empty, names each value once and stays in its range; BYDAY takes an ordinal (1MO, -1FR) only where a month
 * or a year gives it meaning; BYMONTHDAY, BYYEARDAY, BYWEEKNO and BYSETPOS only go with the frequencies they are
 * defined for; UNTIL is a real date. ical4j reads such rules anyway and expands them its own way (a weekly
 * BYDAY=1MO as every Monday, BYDAY=MO,MO as each Monday twice, 31 February as the 28th) while other readers of the
 * same stored rule, rrule.js or a calendar app, do not: refusing them keeps every reader on the same dates.
 */
final class RecurrenceGrammar {

    private static final Pattern WEEKDAY = Pattern.compile("([+-]?)(\\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A numeric BYxxx part: its values are 1..max, or also -max..-1 when it counts from the end. */
    private record Numbers(int max, boolean fromEnd) {

        String range() {
            return fromEnd ? "-" + max + "..-1 or 1.." + max : "1.." + max;
        }
    }

    private static final Map<String, Numbers> NUMBERS = Map.of("BYMONTH", new Numbers(12, false),
            "BYMONTHDAY", new Numbers(31, true), "BYYEARDAY", new Numbers(366, true),
            "BYWEEKNO", new Numbers(53, true), "BYSETPOS", new Numbers(366, true));
    private static final List<String> SETS = List.of("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY");

    private RecurrenceGrammar() {
    }

    /** Checks {@code parts} (name to value, FREQ present); the first problem is reported on {@code field}. */
    static boolean check(Violations v, String field, Map<String, String> parts) {
        String freq = parts.get("FREQ");
        for (Map.Entry<String, String> part : parts.entrySet()) {
            String name = part.getKey();
            String problem = NUMBERS.containsKey(name) ? numbers(name, part.getValue(), NUMBERS.get(name))
                    : name.equals("BYDAY") ? weekdays(part.getValue(), freq, parts.containsKey("BYWEEKNO"))
                    : name.equals("WKST") && !part.getValue().matches("SU|MO|TU|WE|TH|FR|SA") ? "WKST must be one weekday, such as MO"
                    : name.equals("UNTIL") ? until(part.getValue())
                    : null;
            if (problem != null) {
                v.add(field, problem);
                return false;
            }
        }
        String combination = combination(freq, parts);
        return v.check(combination == null, field, combination);
    }

    /** The rule parts RFC 5545 defines for some frequencies only (of the ones a live may have). */
    private static String combination(String freq, Map<String, String> parts) {
        if (parts.containsKey("BYWEEKNO") && !freq.equals("YEARLY")) {
            return "BYWEEKNO is only allowed with FREQ=YEARLY (RFC 5545)";
        }
        if (parts.containsKey("BYYEARDAY") && !freq.equals("YEARLY")) {
            return "BYYEARDAY is only allowed with FREQ=YEARLY (RFC 5545)";
        }
        if (parts.containsKey("BYMONTHDAY") && freq.equals("WEEKLY")) {
            return "BYMONTHDAY is not allowed with FREQ=WEEKLY (RFC 5545)";
        }
        if (parts.containsKey("BYSETPOS") && SETS.stream().noneMatch(parts::containsKey)) {
            return "BYSETPOS picks from the set another BYxxx part makes, such as BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1";
        }
        return null;
    }

    private static String numbers(String name, String list, Numbers allowed) {
        Set<Integer> seen = new HashSet<>();
        for (String item : list.split(",", -1)) {
            if (!item.matches("[+-]?\\d{1,3}")) {
                return name + " must list whole numbers " + allowed.range() + ", separated by commas";
            }
            int value = Integer.parseInt(item);
            if (value == 0 || Math.abs(value) > allowed.max() || value < 0 && !allowed.fromEnd()) {
                return name + "=" + item + " is out of range: " + allowed.range();
            }
            if (!seen.add(value)) {
                return name + " lists " + value + " twice; name each value once";
            }
        }
        return null;
    }

    private static String weekdays(String list, String freq, boolean byWeekNo) {
        Set<String> seen = new HashSet<>();
        for (String item : list.split(",", -1)) {
            Matcher day = WEEKDAY.matcher(item);
            if (!day.matches()) {
                return "BYDAY must list weekdays such as MO or, in a monthly or yearly rule, 1MO or -1FR, separated by commas";
            }
            boolean ordinal = day.group(2) != null;
            if (!ordinal && !day.group(1).isEmpty()) {
                return "BYDAY=" + item + " has a sign without a number";
            }
            if (ordinal) {
                int n = Integer.parseInt(day.group(2));
                if (n < 1 || n > 53) {
                    return "BYDAY=" + item + " is out of range: the number is 1..53 or -53..-1";
                }
                if (!freq.equals("MONTHLY") && !freq.equals("YEARLY") || byWeekNo) {
                    return "BYDAY=" + item + ": a numbered weekday is only allowed with FREQ=MONTHLY or FREQ=YEARLY without BYWEEKNO (RFC 5545)";
                }
            }
            String normalized = (day.group(1).equals("-") ? "-" : "") + (ordinal ? Integer.parseInt(day.group(2)) : "") + day.group(3);
            if (!seen.add(normalized)) {
                return "BYDAY lists " + normalized + " twice; name each weekday once";
            }
        }
        return null;
    }

    private static String until(String value) {
        try {
            LocalDateTime.parse(value, UNTIL);
            return null;
        } catch (DateTimeParseException e) {
            return "UNTIL=" + value + " is not a real UTC date-time such as 20271231T235959Z";
        }
    }
}
