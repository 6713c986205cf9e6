package dev.livecue.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.livecue.testing.WebhookReceiver;
import io.restassured.http.ContentType;

/**
 * Starts the packaged local stack exactly as the README says ({@code java -jar .../quarkus-run.jar}) and takes the
 * README's curl tour against it: the admin token it prints creates a creator, whose key reads {@code /v1/me}.
 * Then it stops the stack and checks that DynamoDB Local went with it.
 */
class LocalStackIT {

    private static final Pattern TOKEN = Pattern.compile("Admin token \\(generated[^)]*\\): (\\S+)");
    private static Process stack;
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static String baseUri;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUri = "http://127.0.0.1:" + port;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("livecue.local.jar")).redirectErrorStream(true);
        builder.environment().remove("LIVECUE_ADMIN_TOKEN");
        builder.environment().put("LIVECUE_PORT", Integer.toString(port));
        builder.environment().put("LIVECUE_LOCAL_TICK", "1s");
        stack = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        adminToken = awaitOutput(TOKEN, Duration.ofSeconds(90)).group(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null && stack.isAlive()) {
            List<ProcessHandle> children = stack.descendants().toList();
            stack.destroy();
            assertTrue(stack.waitFor(30, TimeUnit.SECONDS), "local stack stops on SIGTERM");
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "child process " + child.pid() + " left behind");
            }
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
    }

    @Test
    void servesOpenApiSwaggerAndHealth() {
        given().baseUri(baseUri).accept("application/json").get("/q/openapi")
                .then().statusCode(200).body("paths", hasKey("/v1/creators")).body("paths", hasKey("/v1/me"))
                .body("paths", hasKey("/v1/webhooks/{id}/deliveries"));
        given().baseUri(baseUri).get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(baseUri).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void withoutAKeyTheApiAnswersProblemJson401() {
        given().baseUri(baseUri).get("/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void dispatcherTicksOnTheScheduler() throws Exception {
        awaitOutput(Pattern.compile("Tick \\S+Z: "), Duration.ofSeconds(30));
    }

    @Test
    void dynamoDbLocalRunsAsAChildProcessWithoutLeavingFilesInTheWorkingDirectory() {
        assertFalse(stack.children().toList().isEmpty(), "DynamoDB Local runs as a child JVM");
        assertFalse(Files.exists(Path.of("dynamodb-local-metadata.json")));
    }

    private static Matcher awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String line : output) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (!stack.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " within " + timeout + "; output:\n" + String.join("\n", output));
    }
}
