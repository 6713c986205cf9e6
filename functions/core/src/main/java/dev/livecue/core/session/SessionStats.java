package dev.livecue.core.session;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.validation.Violations;

/**
 * What the creator's app counted during a live. Every count is a whole number from zero up to a bound far above
 * any real live (the biggest lives have a few million concurrent viewers), so a typo or a hostile value is refused
 * instead of wrecking the analytics. A count left out was not reported: it stays null (and out of the answer), so
 * that analytics average only the lives that reported it rather than an invented zero.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionStats(Long peakViewers, Long uniqueViewers, Long newFollowers, Long comments, Long likes,
        Long shares, Long gifts) {

    /** The counts, their JSON names and their upper bounds. */
    public enum Stat {
        PEAK_VIEWERS("peakViewers", 10_000_000L),
        UNIQUE_VIEWERS("uniqueViewers", 500_000_000L),
        NEW_FOLLOWERS("newFollowers", 10_000_000L),
        COMMENTS("comments", 100_000_000L),
        LIKES("likes", 10_000_000_000L),
        SHARES("shares", 10_000_000L),
        GIFTS("gifts", 100_000_000L);

        private final String field;
        private final long max;

        Stat(String field, long max) {
            this.field = field;
            this.max = max;
        }

        public String field() {
            return field;
        }

        public long max() {
            return max;
        }

        static Stat named(String field) {
            for (Stat stat : values()) {
                if (stat.field.equals(field)) {
                    return stat;
                }
            }
            return null;
        }
    }

    /** The count, or null when it was not reported. */
    public Long get(Stat stat) {
        return switch (stat) {
            case PEAK_VIEWERS -> peakViewers;
            case UNIQUE_VIEWERS -> uniqueViewers;
            case NEW_FOLLOWERS -> newFollowers;
            case COMMENTS -> comments;
            case LIKES -> likes;
            case SHARES -> shares;
            case GIFTS -> gifts;
        };
    }

    public static SessionStats of(Map<Stat, Long> counts) {
        return new SessionStats(count(counts, Stat.PEAK_VIEWERS), count(counts, Stat.UNIQUE_VIEWERS),
                count(counts, Stat.NEW_FOLLOWERS), count(counts, Stat.COMMENTS), count(counts, Stat.LIKES),
                count(counts, Stat.SHARES), count(counts, Stat.GIFTS));
    }

    /**
     * Reads the {@code stats} object of a request, recording every bad count under {@code <field>.<name>}. Read
     * from the JSON tree rather than bound to a record, so that a number too large for a long is still reported
     * under its own name. Answers null when anything is wrong.
     */
    public static SessionStats read(JsonNode node, String field, Violations v) {
        if (node == null || node.isNull()) {
            // left out as a whole, as each count may be: nothing reported (the schema never required it)
            return of(Map.of());
        }
        if (!node.isObject()) {
            v.add(field, "must be an object of counts");
            return null;
        }
        Map<Stat, Long> counts = new EnumMap<>(Stat.class);
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = field + "." + entry.getKey();
            Stat stat = Stat.named(entry.getKey());
            JsonNode value = entry.getValue();
            if (stat == null) {
                ok = v.check(false, name, "is not a known count");
            } else if (!value.isIntegralNumber()) {
                ok = v.check(false, name, "must be a whole number");
            } else if (value.bigIntegerValue().signum() < 0) {
                ok = v.check(false, name, "must not be negative");
            } else if (!value.canConvertToLong() || value.longValue() > stat.max()) {
                ok = v.check(false, name, "must be at most " + stat.max());
            } else {
                counts.put(stat, value.longValue());
            }
        }
        if (!ok) {
            return null;
        }
        SessionStats stats = of(counts);
        // Peak viewers are the most watching at once; they cannot outnumber everyone who watched at all.
        if (stats.uniqueViewers != null && stats.peakViewers != null && stats.peakViewers > stats.uniqueViewers) {
            v.add(field + "." + Stat.PEAK_VIEWERS.field(), "must not exceed uniqueViewers (" + stats.uniqueViewers + ")");
            return null;
        }
        return stats;
    }

    private static Long count(Map<Stat, Long> counts, Stat stat) {
        return counts.get(stat);
    }
}
