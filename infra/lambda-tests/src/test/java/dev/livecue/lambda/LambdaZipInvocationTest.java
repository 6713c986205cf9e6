package dev.livecue.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.livecue.dynamodblocal.DynamoDbLocal;
import dev.livecue.dynamodblocal.LocalDynamoClients;
import dev.livecue.dynamodblocal.TableBootstrap;
import dev.livecue.dynamodblocal.TemplateTable;
import dev.livecue.lambda.LambdaEvents.HttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every packaged function.zip, run as the Lambda Java runtime runs it ({@link LambdaZipInvoker}) with the
 * environment template.yaml gives it, against DynamoDB Local holding the template's table: HTTP functions get API
 * Gateway HTTP API events, the dispatcher an EventBridge scheduled event. Only the table name, the DynamoDB
 * endpoint and the admin token (a Secrets Manager reference in AWS) are supplied here.
 */
class LambdaZipInvocationTest {

    private static final String TABLE = "livecue-lambda";
    private static final String ADMIN_TOKEN = "lambda-test-admin-token-0123456789";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DynamoDbLocal dynamo;
    private static final Map<String, LambdaZipInvoker> RUNNING = new HashMap<>();

    @BeforeAll
    static void startDynamoDb() {
        dynamo = DynamoDbLocal.startInMemory();
        try (DynamoDbClient client = LocalDynamoClients.client(dynamo.endpoint())) {
            TableBootstrap.createIfAbsent(client, TABLE);
        }
    }

    @AfterAll
    static void stopAll() {
        RUNNING.values().forEach(LambdaZipInvoker::close);
        RUNNING.clear();
        if (dynamo != null) {
            dynamo.close();
        }
    }

    /** One warm execution environment per function for the whole class; its cold start is reported once. */
    private static LambdaZipInvoker lambda(SamFunction function) {
        return RUNNING.computeIfAbsent(function.id(), id -> {
            LambdaZipInvoker started = start(function, Map.of());
            System.out.printf("%s: init %d ms, peak RSS after init %d MB%n", id, started.initDuration().toMillis(),
                    started.initPeakRssKb() / 1024);
            return started;
        });
    }

    /** A fresh execution environment of {@code function}, with {@code extra} over the test's environment. */
    private static LambdaZipInvoker start(SamFunction function, Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamo.endpoint().toString());
        // DynamoDB Local keeps one database per access key and region: use the ones the table was created with.
        overrides.put("AWS_REGION", LocalDynamoClients.REGION);
        overrides.put("AWS_ACCESS_KEY_ID", LocalDynamoClients.ACCESS_KEY);
        overrides.put("AWS_SECRET_ACCESS_KEY", LocalDynamoClients.SECRET_KEY);
        if (function.environment().containsKey("LIVECUE_ADMIN_TOKEN")) {
            overrides.put("LIVECUE_ADMIN_TOKEN", ADMIN_TOKEN);
        }
        overrides.putAll(extra);
        Repository.zip(function); // fails with the build command when the zip is missing
        return LambdaZipInvoker.start(function.lambda(Map.of(TemplateTable.RESOURCE, TABLE), overrides));
    }

    private static HttpResponse http(SamFunction function, String method, String target, Map<String, String> headers, String body) {
        LambdaZipInvoker.Invocation invocation = lambda(function).invoke(LambdaEvents.httpApi(method, target, headers, body));
        System.out.printf("%s: %s %s in %d ms, peak RSS %d MB%n", function.id(), method, target,
                invocation.duration().toMillis(), invocation.peakRssKb() / 1024);
        HttpResponse response = LambdaEvents.httpResponse(invocation.text());
        if (response.status() >= 500) {
            String log = lambda(function).log();
            System.out.println("--- " + function.id() + " log (tail) ---\n" + log.substring(Math.max(0, log.length() - 6000)));
        }
        return response;
    }

    private static List<SamFunction> httpFunctions() {
        return Repository.TEMPLATE.functions().values().stream().filter(f -> Repository.servesHttp(Repository.zip(f))).toList();
    }

    @Test
    void schedulesApi_shouldCreateACreatorWhoseKeyWorks_whenInvokedAsLambda() throws Exception {
        SamFunction schedules = Repository.TEMPLATE.function("SchedulesApiFunction");

        // WHEN the admin creates a creator through an HTTP API event
        HttpResponse created = http(schedules, "POST", "/v1/creators",
                Map.of("authorization", "Bearer " + ADMIN_TOKEN, "content-type", "application/json"),
                "{\"handle\":\"lambda_owl\",\"displayName\":\"Lambda Owl\",\"timeZone\":\"Europe/Berlin\",\"locale\":\"de-DE\"}");

        // THEN it is created, with a key shown once
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("content-type").startsWith("application/json"), created.headers().toString());
        String key = created.json().path("apiKey").asText();
        assertTrue(key.startsWith("lc_"), created.body());
        String creatorId = created.json().path("creator").path("id").asText();

        // AND the key reads the creator's profile
        HttpResponse me = http(schedules, "GET", "/v1/me", Map.of("authorization", "Bearer " + key), null);
        assertEquals(200, me.status(), me.body());
        assertEquals(creatorId, me.json().path("id").asText());
        assertEquals("Europe/Berlin", me.json().path("timeZone").asText());

        // AND with the template's default PublicBaseUrl (an empty variable) the feed's link is a path
        HttpResponse feed = http(schedules, "GET", "/v1/calendar", Map.of("authorization", "Bearer " + key), null);
        assertEquals(200, feed.status(), feed.body());
        assertTrue(feed.json().path("url").asText().matches("/v1/calendar/[^/]+\\.ics"), feed.body());

        // AND a key nobody issued is refused as problem+json
        HttpResponse refused = http(schedules, "GET", "/v1/me", Map.of("authorization", "Bearer lc_not_a_real_key"), null);
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.header("content-type").startsWith(PROBLEM_JSON), refused.headers().toString());
        assertEquals(401, refused.json().path("status").asInt());

        // AND an event with fields AWS may add one day is still served (only request bodies are strict)
        ObjectNode newer = (ObjectNode) JSON.readTree(LambdaEvents.httpApi("GET", "/v1/me", Map.of("authorization", "Bearer " + key), null));
        newer.put("someFieldAwsAddsLater", "x");
        ((ObjectNode) newer.path("requestContext")).putObject("anotherNewThing").put("a", 1);
        HttpResponse served = LambdaEvents.httpResponse(lambda(schedules).invoke(newer.toString()).text());
        assertEquals(200, served.status(), served.body());
    }

    @Test
    void httpFunctions_shouldRefuseEveryKeyedRouteWithoutAKey_andServePublicOnesWithout_whenInvokedAsLambda() {
        List<String> problems = new ArrayList<>();
        for (SamFunction function : httpFunctions()) {
            List<JaxRsRoutes.Served> routes = JaxRsRoutes.of(Repository.zip(function));
            if (routes.isEmpty()) {
                // no endpoint yet: the function still starts and answers an unknown path with a problem document
                HttpResponse unknown = http(function, "GET", "/v1/no-such-endpoint", Map.of(), null);
                check(problems, function, "GET /v1/no-such-endpoint", unknown, 404);
                continue;
            }
            for (JaxRsRoutes.Served route : routes) {
                String path = route.path().replaceAll("\\{[^}]*}", "x1");
                String body = route.method().matches("POST|PUT|PATCH") ? "{}" : null;
                Map<String, String> headers = body == null ? Map.of() : Map.of("content-type", "application/json");
                HttpResponse response = http(function, route.method(), path, headers, body);
                if (!route.publicEndpoint()) {
                    check(problems, function, route.method() + " " + path, response, 401);
                } else if (response.status() == 401 || response.status() >= 500) {
                    problems.add(function.id() + " " + route.method() + " " + path + " is public but answered "
                            + response.status() + " without a key: " + response.body());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void schedulesApi_shouldAnswerAPathThatIsNotAUriWithAProblem_whenInvokedAsLambda() {
        SamFunction schedules = Repository.TEMPLATE.function("SchedulesApiFunction");

        // WHEN an event's raw path holds a broken percent-escape
        HttpResponse answer = http(schedules, "GET", "/v1/schedules/%zz", Map.of(), null);

        // THEN it is refused as problem+json naming the path, not with an empty body
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.header("content-type").startsWith(PROBLEM_JSON), answer.headers().toString());
        assertEquals("path", answer.json().path("errors").path(0).path("field").asText(), answer.body());
    }

    private static void check(List<String> problems, SamFunction function, String request, HttpResponse response, int status) {
        String type = response.header("content-type");
        if (response.status() != status || type == null || !type.startsWith(PROBLEM_JSON)) {
            problems.add(function.id() + " " + request + ": expected " + status + " " + PROBLEM_JSON + ", got "
                    + response.status() + " " + type + " " + response.body());
        }
    }

    @Test
    void dispatcher_shouldRunOneTick_whenEventBridgeFiresTheSchedule() {
        for (SamFunction function : Repository.TEMPLATE.functions().values()) {
            if (Repository.servesHttp(Repository.zip(function))) {
                continue;
            }
            // WHEN EventBridge delivers its scheduled event
            LambdaZipInvoker.Invocation tick = lambda(function).invoke(LambdaEvents.scheduled(Instant.now()));
            System.out.printf("%s: tick in %d ms, peak RSS %d MB%n", function.id(), tick.duration().toMillis(), tick.peakRssKb() / 1024);

            // THEN it answers with its tick report, and no job failed on an empty table
            assertTickWithoutFailedJob(function, tick.text());
        }
    }

    /** A dispatcher's answer is its tick report: the tick, its jobs, and none of them failed. */
    private static void assertTickWithoutFailedJob(SamFunction function, String answer) {
        JsonNode report = LambdaEvents.json(answer);
        assertFalse(report.path("tick").isMissingNode(), answer);
        assertTrue(report.path("jobs").isArray() && report.path("jobs").size() > 0, answer);
        report.path("jobs").forEach(job -> assertTrue(job.path("error").isNull() || job.path("error").isMissingNode(),
                function.id() + " job failed: " + job));
    }

    @Test
    void functions_shouldServeFromDynamoDb_whenInitializedForASnapStartSnapshot() {
        // GIVEN a creator's key, made by the ordinary schedules function
        HttpResponse created = http(Repository.TEMPLATE.function("SchedulesApiFunction"), "POST", "/v1/creators",
                Map.of("authorization", "Bearer " + ADMIN_TOKEN, "content-type", "application/json"),
                "{\"handle\":\"snap_owl\",\"timeZone\":\"Europe/Berlin\"}");
        assertEquals(201, created.status(), created.body());
        String key = created.json().path("apiKey").asText();

        for (SamFunction function : Repository.TEMPLATE.functions().values()) {
            // AND an environment initialized as for a SnapStart snapshot (the DynamoDB warm-up runs inside init)
            try (LambdaZipInvoker snapStart = start(function, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"))) {
                if (Repository.servesHttp(Repository.zip(function))) {
                    // WHEN its first request reads the table: a keyed list or profile of the creator
                    JaxRsRoutes.Served route = JaxRsRoutes.of(Repository.zip(function)).stream()
                            .filter(r -> r.method().equals("GET") && !r.publicEndpoint() && !r.path().contains("{"))
                            .findFirst().orElseThrow(() -> new AssertionError(function.id() + " has no keyed GET route"));
                    HttpResponse answer = LambdaEvents.httpResponse(snapStart.invoke(LambdaEvents.httpApi("GET", route.path(),
                            Map.of("authorization", "Bearer " + key), null)).text());

                    // THEN it is served as without SnapStart
                    assertTrue(answer.status() / 100 == 2, function.id() + " GET " + route.path() + ": " + answer.status() + " " + answer.body());
                } else {
                    // WHEN the dispatcher ticks, THEN every job reads and writes the table without failing
                    assertTickWithoutFailedJob(function, snapStart.invoke(LambdaEvents.scheduled(Instant.now())).text());
                }
            }
        }
    }
}
