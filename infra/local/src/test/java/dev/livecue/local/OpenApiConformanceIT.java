package dev.livecue.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import dev.livecue.testing.LocalStackProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A tour through every API's main calls on the packaged local stack, each answer read against the schema the
 * OpenAPI document promises for its status and media type, by another implementation (networknt's JSON Schema
 * 2020-12 validator, formats asserted). A client generated from the document in a typed language relies on exactly
 * this: a null where the schema says string, or a local time documented as an RFC 3339 date-time, breaks it.
 */
class OpenApiConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static LocalStackProcess stack;
    private static JsonNode document;

    private final List<String> mismatches = new ArrayList<>();
    private int checked;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStackProcess.startPackaged();
        document = JSON.readTree(given().baseUri(stack.baseUri()).accept("application/json").get("/q/openapi").asString());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyAnswerOfTheTour_matchesItsDocumentedSchema() {
        String key = call("POST", "/v1/creators", "/v1/creators", stack.adminToken(),
                Map.of("handle", "conformance", "displayName", "Conformance", "timeZone", "America/New_York")).getString("apiKey");
        call("GET", "/v1/me", "/v1/me", key, null);
        call("PATCH", "/v1/me", "/v1/me", key, Map.of("followCta", "Follow for the next one!"));
        String weekly = call("POST", "/v1/schedules", "/v1/schedules", key, Map.of("title", "Weekly", "start", "2027-06-04T19:00",
                "recurrence", "FREQ=WEEKLY;BYDAY=FR", "keywords", List.of("qa"), "thumbnailUrl", "https://cdn.example.com/t.jpg"))
                .getString("id");
        call("POST", "/v1/schedules", "/v1/schedules", key, Map.of("title", "One-off", "start", "2027-06-05T19:00"));
        call("POST", "/v1/schedules/preview", "/v1/schedules/preview", key, Map.of("title", "Preview", "start", "2027-06-04T19:00"));
        call("GET", "/v1/schedules", "/v1/schedules", key, null);
        call("GET", "/v1/schedules/" + weekly, "/v1/schedules/{id}", key, null);
        call("PATCH", "/v1/schedules/" + weekly, "/v1/schedules/{id}", key, Map.of("title", "Weekly Q&A"));
        List<String> occurrences = call("GET", "/v1/occurrences?from=2027-06-01T00:00:00Z&to=2027-07-01T00:00:00Z",
                "/v1/occurrences", key, null).getList("items.occurrenceId");
        call("PATCH", "/v1/schedules/" + weekly + "/occurrences/" + occurrences.get(1),
                "/v1/schedules/{id}/occurrences/{occurrenceId}", key, Map.of("start", "2027-06-12T18:00"));
        call("POST", "/v1/schedules/" + weekly + "/occurrences/" + occurrences.get(2) + "/cancel",
                "/v1/schedules/{id}/occurrences/{occurrenceId}/cancel", key, null);
        call("GET", "/v1/calendar", "/v1/calendar", key, null);
        call("PUT", "/v1/vacation", "/v1/vacation", key, Map.of("from", "2027-08-01", "to", "2027-08-10"));
        call("GET", "/v1/vacation", "/v1/vacation", key, null);
        call("POST", "/v1/api-keys", "/v1/api-keys", key, Map.of("name", "zapier"));
        call("GET", "/v1/api-keys", "/v1/api-keys", key, null);
        String webhook = call("POST", "/v1/webhooks", "/v1/webhooks", key,
                Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("live.reminder"))).getString("id");
        call("GET", "/v1/webhooks", "/v1/webhooks", key, null);
        call("POST", "/v1/webhooks/" + webhook + "/test", "/v1/webhooks/{id}/test", key, null);
        call("GET", "/v1/webhooks/" + webhook + "/deliveries", "/v1/webhooks/{id}/deliveries", key, null);

        String live = call("POST", "/v1/sessions", "/v1/sessions", key, Map.of()).getString("id");
        call("POST", "/v1/connection-checks", "/v1/connection-checks", key,
                Map.of("sessionId", live, "networkType", "cellular", "uploadMbps", 1.2, "rttMs", 300, "packetLossPct", 4));
        call("POST", "/v1/connection-checks", "/v1/connection-checks", key, Map.of("networkType", "wifi", "uploadMbps", 20));
        call("GET", "/v1/connection-checks", "/v1/connection-checks", key, null);
        call("GET", "/v1/sessions/" + live + "/connection-report", "/v1/sessions/{id}/connection-report", key, null);
        String token = call("POST", "/v1/sessions/" + live + "/close", "/v1/sessions/{id}/close", key, Map.of("reason", "planned"))
                .getString("confirmationToken");
        call("POST", "/v1/sessions/" + live + "/close/confirm", "/v1/sessions/{id}/close/confirm", key,
                Map.of("confirmationToken", token, "stats", Map.of("likes", 5, "peakViewers", 3)));
        call("GET", "/v1/sessions/" + live, "/v1/sessions/{id}", key, null);
        String second = call("POST", "/v1/sessions", "/v1/sessions", key, Map.of()).getString("id");
        call("POST", "/v1/sessions/" + second + "/interrupt", "/v1/sessions/{id}/interrupt", key, Map.of("reason", "crash"));
        call("GET", "/v1/sessions", "/v1/sessions", key, null);
        call("GET", "/v1/analytics", "/v1/analytics", key, null);

        // and the problem+json answers
        call("POST", "/v1/schedules", "/v1/schedules", key, Map.of("title", ""));
        call("GET", "/v1/schedules/sch_nothing", "/v1/schedules/{id}", key, null);
        call("GET", "/v1/me", "/v1/me", "lc_not-a-key", null);

        assertEquals(List.of(), mismatches);
        assertEquals(36, checked, "answers read against their schemas");
    }

    /** Makes the call and reads its answer against the schema documented for {@code template}'s status. */
    private JsonPath call(String method, String path, String template, String key, Object body) {
        RequestSpecification request = given().baseUri(stack.baseUri()).header("Authorization", "Bearer " + key);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.request(method, path);
        String where = method + " " + path + " -> " + response.statusCode();
        JsonNode responses = document.path("paths").path(template).path(method.toLowerCase()).path("responses");
        JsonNode answer = responses.has(String.valueOf(response.statusCode()))
                ? responses.get(String.valueOf(response.statusCode())) : responses.path("default");
        String mediaType = response.contentType().split(";")[0].strip();
        JsonNode schema = answer.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            mismatches.add(where + ": no schema documented for " + mediaType);
        } else {
            checked++;
            List<Error> errors = validate(schema, response.asString());
            if (!errors.isEmpty()) {
                mismatches.add(where + ": " + errors);
            }
        }
        return response.jsonPath();
    }

    /** The schema with the document's components beside it, so that its {@code #/components/...} refs resolve. */
    private static List<Error> validate(JsonNode schema, String answer) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        try {
            return SCHEMAS.getSchema(SchemaLocation.of("https://livecue.test/answer.json"), root).validate(JSON.readTree(answer));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the answer is not JSON: " + answer, e);
        }
    }
}
