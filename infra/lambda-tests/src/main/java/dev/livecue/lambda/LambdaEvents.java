package dev.livecue.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The events AWS sends the functions, as JSON: API Gateway HTTP API (payload format 2.0) requests and EventBridge
 * "Scheduled Event"s, and the HTTP API's response format read back.
 */
public final class LambdaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String API_ID = "harness01";

    /** A response in the HTTP API's format: status, headers (names in lower case) and the decoded body. */
    public record HttpResponse(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            return LambdaEvents.json(body);
        }
    }

    private LambdaEvents() {
    }

    /**
     * An HTTP API request as API Gateway hands it to the integration: {@code target} is the path with an optional
     * query string; header names are sent in lower case, as API Gateway does.
     */
    public static String httpApi(String method, String target, Map<String, String> headers, String body) {
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String rawQuery = query < 0 ? "" : target.substring(query + 1);
        Instant now = Instant.now();
        String domain = API_ID + ".execute-api.us-east-1.amazonaws.com";

        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        ObjectNode sent = event.putObject("headers");
        sent.put("host", domain);
        sent.put("user-agent", "livecue-lambda-harness");
        sent.put("x-forwarded-for", "203.0.113.7");
        sent.put("x-forwarded-port", "443");
        sent.put("x-forwarded-proto", "https");
        headers.forEach((name, value) -> sent.put(name.toLowerCase(Locale.ROOT), value));
        if (!rawQuery.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            queryParameters(rawQuery).forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", API_ID);
        context.put("domainName", domain);
        context.put("domainPrefix", API_ID);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", "livecue-lambda-harness");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** The event an EventBridge schedule rule sends its target. */
    public static String scheduled(Instant time) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        event.put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:events:us-east-1:000000000000:rule/livecue-dispatch");
        event.putObject("detail");
        return event.toString();
    }

    /** Parses a function's JSON output (a tick report, a response body). */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** Reads what an HTTP function returned to API Gateway. */
    public static HttpResponse httpResponse(String payload) {
        try {
            JsonNode response = JSON.readTree(payload);
            Map<String, String> headers = new TreeMap<>();
            response.path("headers").properties()
                    .forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
            response.path("multiValueHeaders").properties()
                    .forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue().path(0).asText()));
            String body = response.path("body").isNull() ? "" : response.path("body").asText("");
            if (response.path("isBase64Encoded").asBoolean(false)) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return new HttpResponse(response.path("statusCode").asInt(), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException("not an HTTP API response: " + payload, e);
        }
    }

    /** API Gateway joins repeated parameters with commas. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }
}
