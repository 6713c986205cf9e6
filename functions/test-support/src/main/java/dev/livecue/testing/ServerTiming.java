package dev.livecue.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The metrics of a {@code Server-Timing} header as Livecue writes it: DynamoDB's calls and time, the app's time. */
public record ServerTiming(int dynamoCalls, double dynamoMs, double appMs) {

    private static final Pattern FORMAT = Pattern.compile("dynamodb;dur=([0-9.]+);desc=\"(\\d+) calls\", app;dur=([0-9.]+)");

    /** The response's metrics, whether they came in one header or one header each (HTTP allows both). */
    public static ServerTiming of(ExtractableResponse<Response> response) {
        String header = String.join(", ", response.headers().getValues("Server-Timing"));
        Matcher matcher = FORMAT.matcher(header);
        assertTrue(matcher.matches(), "Server-Timing: " + header);
        return new ServerTiming(Integer.parseInt(matcher.group(2)), Double.parseDouble(matcher.group(1)),
                Double.parseDouble(matcher.group(3)));
    }
}
