package dev.livecue.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.livecue.core.validation.Violations;

/**
 * When a schedule's lives happen, in wall-clock time: the first start as a local date-time in an IANA zone, and
 * optionally an RRULE. The rule only picks the dates; every occurrence is at the start's local time of day in
 * the schedule's zone, so a weekly 19:00 New York live stays at 19:00 New York time across DST changes (its UTC
 * instant moves by an hour). A local time that does not exist on a spring-forward day (02:30 in New York) is
 * moved forward by the gap (03:30 EDT); one that exists twice on a fall-back day (01:30) is the first of the two
 * (EDT). Both are RFC 5545 3.3.5 and {@link ZonedDateTime#of}. At most one occurrence falls on a local date,
 * which is why that date identifies the occurrence.
 */
public record Series(LocalDateTime start, ZoneId zone, Optional<Recurrence> recurrence) {

    public ZonedDateTime first() {
        return ZonedDateTime.of(start, zone);
    }

    /** The starts between {@code from} and {@code to} (both included), earliest first, at most {@code max}. */
    public List<ZonedDateTime> starts(Instant from, Instant to, int max) {
        ZonedDateTime first = first();
        if (recurrence.isEmpty()) {
            Instant at = first.toInstant();
            return at.isBefore(from) || at.isAfter(to) ? List.of() : List.of(first);
        }
        if (to.isBefore(first.toInstant())) {
            return List.of();
        }
        // Ask for a day more on each side: the library's own instants may differ from the normalized ones by a DST gap.
        ZonedDateTime lower = from.atZone(zone).minusDays(1);
        ZonedDateTime upper = to.atZone(zone).plusDays(1);
        return recurrence.get().expand(first, lower.isBefore(first) ? first : lower, upper, max + 2).stream()
                .map(date -> ZonedDateTime.of(date.toLocalDate(), start.toLocalTime(), zone))
                .filter(at -> !at.toInstant().isBefore(from) && !at.toInstant().isAfter(to))
                .limit(max)
                .toList();
    }

    private static Optional<LocalDate> repeatedDay(List<ZonedDateTime> starts) {
        Set<LocalDate> seen = new HashSet<>();
        return starts.stream().map(ZonedDateTime::toLocalDate).filter(day -> !seen.add(day)).findFirst();
    }

    /** The occurrence on a local date, if the series has one there. */
    public Optional<ZonedDateTime> on(LocalDate date) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        return starts(dayStart, dayEnd, 1).stream().filter(at -> at.toLocalDate().equals(date)).findFirst();
    }

    /**
     * Checks what only the combination of start and rule can tell: the start must be the series' first live (RFC
     * 5545 leaves a start that the rule does not generate undefined), no day may come twice (a series has one live
     * a day, identified by its date), and a rule that ends must end within {@value Recurrence#MAX_OCCURRENCES}
     * occurrences.
     */
    public void check(Violations v) {
        if (recurrence.isEmpty()) {
            return;
        }
        ZonedDateTime first = first();
        Recurrence rule = recurrence.get();
        ZonedDateTime far = rule.bounded() ? first.plusYears(10_000) : first.plusYears(100);
        List<ZonedDateTime> head = rule.expand(first, first, far, Recurrence.MAX_OCCURRENCES + 1);
        Optional<LocalDate> repeated = repeatedDay(head);
        if (head.isEmpty()) {
            v.add("recurrence", rule.rule() + " yields no occurrence from " + start);
        } else if (!head.get(0).toLocalDate().equals(start.toLocalDate())) {
            v.add("start", start + " (" + start.getDayOfWeek() + ") is not an occurrence of " + rule.rule()
                    + "; start the series on its first live, " + head.get(0).toLocalDate());
        } else if (repeated.isPresent()) {
            // BYMONTHDAY=1,-31 names the 1st twice in a 31-day month: RFC 5545 counts it once, ical4j twice
            v.add("recurrence", rule.rule() + " yields " + repeated.get() + " twice; name each day only one way");
        } else if (rule.bounded() && head.size() > Recurrence.MAX_OCCURRENCES) {
            v.add("recurrence", rule.rule() + " yields more than " + Recurrence.MAX_OCCURRENCES
                    + " occurrences; end it sooner, or leave the end open for a rolling series");
        }
    }
}
