package dev.livecue.bench;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dynamodb} metric of a Livecue response's {@code Server-Timing} header (W3C Server Timing): how long
 * the request's DynamoDB calls were in flight, and how many there were.
 */
record DynamoServerTiming(Duration inFlight, int calls) {

    private static final Pattern DYNAMODB = Pattern.compile("(?:^|,)\\s*dynamodb;dur=([0-9.]+);desc=\"(\\d+) calls\"");

    /** Reads the metric; a response without it is a broken setup, not a fast one. */
    static DynamoServerTiming of(String header) {
        Matcher matcher = DYNAMODB.matcher(header == null ? "" : header);
        if (!matcher.find()) {
            throw new IllegalStateException("no dynamodb metric in Server-Timing: " + header);
        }
        long nanos = Math.round(Double.parseDouble(matcher.group(1)) * 1_000_000);
        return new DynamoServerTiming(Duration.ofNanos(nanos), Integer.parseInt(matcher.group(2)));
    }
}
