package dev.livecue.bench;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics of a Livecue response's {@code Server-Timing} header (W3C Server Timing): how long the request's
 * DynamoDB calls were in flight and how many there were ({@code dynamodb}), and the request's time from
 * Livecue's first request filter to its response filter ({@code app}).
 */
record ServerTiming(Duration dynamo, int calls, Duration app) {

    private static final Pattern DYNAMODB = Pattern.compile("(?:^|,)\\s*dynamodb;dur=([0-9.]+);desc=\"(\\d+) calls\"");
    private static final Pattern APP = Pattern.compile("(?:^|,)\\s*app;dur=([0-9.]+)");

    /** Reads the metrics; a response without them is a broken setup, not a fast one. */
    static ServerTiming of(String header) {
        String value = header == null ? "" : header;
        Matcher dynamo = DYNAMODB.matcher(value);
        Matcher app = APP.matcher(value);
        if (!dynamo.find() || !app.find()) {
            throw new IllegalStateException("no dynamodb and app metrics in Server-Timing: " + header);
        }
        return new ServerTiming(millis(dynamo.group(1)), Integer.parseInt(dynamo.group(2)), millis(app.group(1)));
    }

    private static Duration millis(String value) {
        return Duration.ofNanos(Math.round(Double.parseDouble(value) * 1_000_000));
    }
}
