package dev.livecue.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.livecue.testing.LocalStackProcess;
import dev.livecue.testing.WebhookReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Starts the packaged local stack exactly as the README says ({@code java -jar .../quarkus-run.jar}) and takes the
 * README's curl tour against it: the admin token it prints creates a creator, whose key reads {@code /v1/me}.
 * It also serves the companion web app at {@code /}. Then it stops the stack and checks that DynamoDB Local went
 * with it.
 */
class LocalStackIT {

    private static LocalStackProcess stack;
    private static String baseUri;
    private static String adminToken;

    @BeforeAll
    static void start() {
        stack = LocalStackProcess.startPackaged();
        baseUri = stack.baseUri();
        adminToken = stack.adminToken();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void curlTourCreatesACreatorAndReadsMe() {
        var created = given().baseUri(baseUri).header("Authorization", "Bearer " + adminToken).contentType(ContentType.JSON)
                .body("{\"handle\":\"nightowl\",\"displayName\":\"Night Owl\",\"timeZone\":\"America/New_York\",\"locale\":\"en-US\"}")
                .post("/v1/creators")
                .then().statusCode(201).body("apiKey", startsWith("lc_")).extract();
        given().baseUri(baseUri).header("Authorization", "Bearer " + created.path("apiKey"))
                .get("/v1/me")
                .then().statusCode(200).body("handle", equalTo("nightowl")).body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void webhookTestReachesALoopbackReceiver_becauseTheLocalStackAllowsPrivateTargets() {
        var created = given().baseUri(baseUri).header("Authorization", "Bearer " + adminToken).contentType(ContentType.JSON)
                .body("{\"handle\":\"hooks\",\"timeZone\":\"Europe/Berlin\"}")
                .post("/v1/creators").then().statusCode(201).extract();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = given().baseUri(baseUri).header("Authorization", "Bearer " + created.path("apiKey"))
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"" + receiver.url("/local") + "\",\"events\":[\"live.reminder\"]}")
                    .post("/v1/webhooks").then().statusCode(201).extract().path("id");
            given().baseUri(baseUri).header("Authorization", "Bearer " + created.path("apiKey"))
                    .post("/v1/webhooks/" + id + "/test")
                    .then().statusCode(200).body("outcome", equalTo("delivered"));
            assertEquals(1, receiver.received("/local").size());
        }
    }

    @Test
    void servesSessionsAndTheirConnectionReportsSideBySide() {
        String key = given().baseUri(baseUri).header("Authorization", "Bearer " + adminToken).contentType(ContentType.JSON)
                .body("{\"handle\":\"checker\",\"timeZone\":\"Europe/Berlin\"}")
                .post("/v1/creators").then().statusCode(201).extract().path("apiKey");
        String session = given().baseUri(baseUri).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{}").post("/v1/sessions").then().statusCode(201).body("status", equalTo("live")).extract().path("id");
        given().baseUri(baseUri).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"sessionId\":\"" + session + "\",\"networkType\":\"wifi\",\"uploadMbps\":8}")
                .post("/v1/connection-checks").then().statusCode(201).body("verdict", equalTo("excellent"));
        given().baseUri(baseUri).header("Authorization", "Bearer " + key).get("/v1/sessions/" + session)
                .then().statusCode(200).body("id", equalTo(session));
        given().baseUri(baseUri).header("Authorization", "Bearer " + key).get("/v1/sessions/" + session + "/connection-report")
                .then().statusCode(200).body("checks", equalTo(1));
        // a method the report does not take is a 405 naming the ones it does, though the sessions' own resource
        // (which has POST routes under /v1/sessions) is the last the routing tries; it answered 404
        given().baseUri(baseUri).header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body("{}")
                .post("/v1/sessions/" + session + "/connection-report").then().statusCode(405)
                .contentType("application/problem+json")
                .body("detail", equalTo("POST is not allowed on /v1/sessions/" + session + "/connection-report; it allows GET, HEAD, OPTIONS"));
        given().baseUri(baseUri).header("Authorization", "Bearer " + key).get("/v1/sessions/" + session + "/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servesOpenApiSwaggerAndHealth() {
        given().baseUri(baseUri).accept("application/json").get("/q/openapi")
                .then().statusCode(200).body("paths", hasKey("/v1/creators")).body("paths", hasKey("/v1/me"))
                .body("paths", hasKey("/v1/webhooks/{id}/deliveries"))
                // the documented statuses are the ones answered
                .body("paths.'/v1/schedules'.post.responses", hasKey("201"))
                .body("paths.'/v1/schedules'.post.responses.'201'.content.'application/json'.schema.$ref",
                        endsWith("ScheduleDetails"))
                .body("paths.'/v1/schedules/{id}'.delete.responses", hasKey("204"))
                .body("paths.'/v1/schedules/{id}'.delete.responses", not(hasKey("200")))
                .body("paths.'/v1/creators'.post.responses", hasKey("201"))
                .body("paths.'/v1/webhooks'.post.responses", hasKey("201"))
                .body("paths.'/v1/api-keys'.post.responses", hasKey("201"))
                .body("paths.'/v1/connection-checks'.post.responses", allOf(hasKey("201"), hasKey("404")))
                .body("paths.'/v1/connection-checks/probe'.post.responses", allOf(hasKey("200"), hasKey("413")))
                .body("paths.'/v1/connection-checks/probe'.post.responses.'413'.content", hasKey("application/problem+json"))
                .body("paths.'/v1/vacation'.delete.responses", hasKey("204"))
                .body("paths.'/v1/vacation'.get.responses", allOf(hasKey("200"), hasKey("204")));
        given().baseUri(baseUri).get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(baseUri).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsTheKeyAndTheProblemAnswers_asTheyAreSent() {
        JsonPath doc = given().baseUri(baseUri).accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of("type", "http", "scheme", "bearer"), Map.of("type", doc.getString("components.securitySchemes.apiKey.type"),
                "scheme", doc.getString("components.securitySchemes.apiKey.scheme")));
        assertEquals(List.of(Map.of("apiKey", List.of())), doc.getList("security"));

        // every operation documents its problem+json answers; all but the public feed need the key
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String where = operation.getKey() + " " + path.getKey();
                String base = "paths.'" + path.getKey() + "'." + operation.getKey() + ".responses";
                assertEquals("#/components/schemas/Problem",
                        doc.getString(base + ".default.content.'application/problem+json'.schema.$ref"), where);
                boolean isPublic = path.getKey().endsWith(".ics");
                assertEquals(!isPublic, doc.getMap(base).containsKey("401"), where + " documents 401");
                // 404 where the path names something, and for a check whose body names a session
                boolean namesSomething = path.getKey().contains("{") || where.equals("post /v1/connection-checks");
                assertEquals(namesSomething, doc.getMap(base).containsKey("404"), where + " documents 404");
                if (operation.getKey().equals("post")) {
                    // every POST takes an Idempotency-Key, with the 409 and 422 it can bring
                    assertTrue(doc.getList("paths.'" + path.getKey() + "'.post.parameters.name").contains("Idempotency-Key"), where);
                    assertEquals("#/components/schemas/Problem",
                            doc.getString(base + ".'422'.content.'application/problem+json'.schema.$ref"), where);
                    assertTrue(doc.getMap(base).containsKey("409"), where + " documents 409");
                }
                operations++;
            }
        }
        assertEquals(41, operations, "every operation of the three APIs");
        assertEquals("#/components/schemas/Problem", doc.getString(
                "paths.'/v1/sessions/{id}/close/confirm'.post.responses.'410'.content.'application/problem+json'.schema.$ref"));
        assertEquals(List.of(Map.of()), doc.getList("paths.'/v1/calendar/{token}.ics'.get.security"));

        // request bodies carry the rules a generated client or a fuzzer needs, not Jackson's tree classes
        assertEquals(List.of("title", "start"), doc.getList("components.schemas.NewSchedule.required"));
        assertEquals(Boolean.FALSE, doc.get("components.schemas.NewSchedule.additionalProperties"));
        assertEquals(140, doc.getInt("components.schemas.NewSchedule.properties.title.maxLength"));
        assertEquals(List.of("wifi", "cellular", "ethernet", "unknown"),
                doc.getList("components.schemas.NewConnectionCheck.properties.networkType.enum"));
        assertEquals(List.of("planned", "early"), doc.getList("components.schemas.CloseRequest.properties.reason.enum"));
        assertTrue(doc.getList("components.schemas.NewSubscription.properties.events.items.enum").contains("live.reminder"));
        assertEquals(10_000_000_000L, doc.getLong("components.schemas.CloseConfirmation.properties.stats.properties.likes.maximum"));
        assertTrue(doc.getString("components.schemas.NewCreator.properties.locale.pattern").contains("[Pp][Tt]"));
        assertEquals(160, doc.getInt("components.schemas.NewConnectionCheck.properties.sessionId.maxLength"));
        // a body whose every field has a default may be left out, as the services take it
        assertNotEquals(Boolean.TRUE, doc.get("paths.'/v1/sessions'.post.requestBody.required"));
        assertEquals(Boolean.TRUE, doc.get("paths.'/v1/schedules'.post.requestBody.required"));
        // and the query parameters the values they take, though read as text (a bad one is a 400 naming it)
        assertEquals(Map.of("type", "integer", "minimum", 1, "maximum", 200, "default", 50),
                doc.getMap("paths.'/v1/schedules'.get.parameters.find { it.name == 'limit' }.schema"));
        assertEquals("date-time", doc.getString("paths.'/v1/sessions'.get.parameters.find { it.name == 'from' }.schema.format"));
        assertEquals("#/components/schemas/SchedulePatch",
                doc.getString("paths.'/v1/schedules/{id}'.patch.requestBody.content.'application/merge-patch+json'.schema.$ref"));
        assertEquals("#/components/schemas/CreatorPatch",
                doc.getString("paths.'/v1/me'.patch.requestBody.content.'application/json'.schema.$ref"));
        assertFalse(doc.getMap("components.schemas").containsKey("JsonNode"));

        // the documented problem members are the ones sent, for a 401 and for a 400 naming fields
        Set<String> members = doc.<String, Object>getMap("components.schemas.Problem.properties").keySet();
        Map<String, Object> unauthorized = given().baseUri(baseUri).get("/v1/me").then().statusCode(401)
                .contentType("application/problem+json").extract().jsonPath().getMap("");
        assertTrue(members.containsAll(unauthorized.keySet()), unauthorized.toString());
        JsonPath invalid = given().baseUri(baseUri).header("Authorization", "Bearer " + adminToken).contentType(ContentType.JSON)
                .body("{\"handle\":\"\"}").post("/v1/creators").then().statusCode(400).extract().jsonPath();
        assertTrue(members.containsAll(invalid.getMap("").keySet()), invalid.prettify());
        assertEquals(doc.getMap("components.schemas.Problem.properties.errors.items.properties").keySet(),
                invalid.getMap("errors[0]").keySet());
    }

    @Test
    void refusesWhatTheHttpLayerCannotRoute_asProblemsNamingThePart() throws IOException {
        // A request target that is not a URI cannot be sent by REST Assured or the JDK's client: write it raw.
        String path = exchange("GET /v1/schedules/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(path.startsWith("HTTP/1.1 400"), path);
        assertTrue(path.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), path);
        assertEquals("path", JsonPath.from(body(path)).getString("errors[0].field"), path);

        String query = exchange("GET /v1/occurrences?limit=50|1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(query.startsWith("HTTP/1.1 400"), query);
        assertEquals("query", JsonPath.from(body(query)).getString("errors[0].field"), query);

        // A declared body over the limit is refused from its headers, before a byte of it is read.
        String large = exchange("POST /v1/schedules HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 20000000\r\n\r\n{");
        assertTrue(large.startsWith("HTTP/1.1 413"), large);
        assertTrue(large.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), large);
        assertEquals("body", JsonPath.from(body(large)).getString("errors[0].field"), large);
    }

    /** Writes one raw HTTP/1.1 request and reads the answer until the server closes the connection. */
    private static String exchange(String request) throws IOException {
        URI uri = URI.create(baseUri);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void servesTheWebAppAtTheRoot_revalidatedAndCompressed() {
        given().baseUri(baseUri).header("Accept-Encoding", "gzip").get("/")
                .then().statusCode(200).contentType(startsWith("text/html")).header("Cache-Control", "no-cache")
                .header("Content-Encoding", "gzip").body(containsString("<main id=\"view\""));
        given().baseUri(baseUri).get("/index.html").then().statusCode(200).header("Cache-Control", "no-cache");
        given().baseUri(baseUri).get("/no-such-file.js").then().statusCode(404).header("Cache-Control", nullValue());
    }

    @Test
    void withoutAKeyTheApiAnswersProblemJson401() {
        given().baseUri(baseUri).get("/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void dispatcherTicksOnTheScheduler() {
        stack.awaitOutput(Pattern.compile("Tick \\S+Z: "), Duration.ofSeconds(30));
    }

    @Test
    void dynamoDbLocalRunsAsAChildProcessWithoutLeavingFilesInTheWorkingDirectory() {
        assertFalse(stack.handle().children().toList().isEmpty(), "DynamoDB Local runs as a child JVM");
        assertFalse(Files.exists(Path.of("dynamodb-local-metadata.json")));
    }
}
