package dev.livecue.core.session;

import java.time.Duration;
import java.time.Instant;

import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/**
 * The {@code ?from=&to=} span of a session list or of analytics: RFC 3339 instants, {@code from} included and
 * {@code to} excluded. Left out: {@code to} is now and {@code from} {@link #DEFAULT_SPAN} before {@code to}; at most
 * {@link #MAX_SPAN} long, so one request reads a bounded number of sessions.
 */
public record Window(Instant from, Instant to) {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    public static Window parse(String from, String to, Instant now) {
        Violations v = new Violations();
        Instant end = Fields.instantIfGiven(v, "to", to).orElse(now);
        Instant start = Fields.instantIfGiven(v, "from", from).orElse(end.minus(DEFAULT_SPAN));
        if (v.isEmpty()) {
            v.check(end.isAfter(start), "to", "must be after from");
            v.check(!end.isAfter(start.plus(MAX_SPAN)), "to", "must be at most " + MAX_SPAN.toDays() + " days after from");
        }
        v.throwIfAny();
        return new Window(start, end);
    }
}
