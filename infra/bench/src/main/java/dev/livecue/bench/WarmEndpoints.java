package dev.livecue.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import dev.livecue.lambda.LambdaEvents.HttpResponse;

/**
 * The write endpoints whose warm latency the benchmark measures: POST /v1/schedules, POST /v1/connection-checks
 * and the two-step close (close, then confirm) of a session. Each function talks to DynamoDB Local directly, as a
 * deployed one talks to DynamoDB, and says in its {@code Server-Timing} header how long its calls were in flight.
 * The hello baseline answers beside them, as the floor of the handler path itself.
 */
final class WarmEndpoints implements AutoCloseable {

    private final LambdaHttp schedules;
    private final LambdaHttp checks;
    private final LambdaHttp sessions;
    private final LambdaHttp hello;
    private final String apiKey;
    /** A creator of its own for the sessions, so the schedules made here do not lengthen its next-live lookups. */
    private final String sessionsKey;

    private WarmEndpoints(BenchStack stack, String apiKey) {
        this.apiKey = apiKey;
        this.schedules = LambdaHttp.start(stack.function("SchedulesApiFunction"));
        this.checks = LambdaHttp.start(stack.function("ConnectionChecksApiFunction"));
        this.sessions = LambdaHttp.start(stack.function("SessionsApiFunction"));
        this.hello = LambdaHttp.start(stack.hello());
        this.sessionsKey = schedules.expect(201, "POST", "/v1/creators", BenchStack.ADMIN_TOKEN,
                "{\"handle\":\"bench_closer\",\"timeZone\":\"America/New_York\"}").json().path("apiKey").asText();
    }

    static WarmEndpoints start(BenchStack stack, String apiKey) {
        return new WarmEndpoints(stack, apiKey);
    }

    List<WarmLatencyBench.Endpoint> endpoints() {
        return List.of(
                new WarmLatencyBench.Endpoint("POST /v1/schedules", i -> measured(schedules, apiKey, 201, "POST", "/v1/schedules", schedule(i))),
                new WarmLatencyBench.Endpoint("POST /v1/connection-checks",
                        i -> measured(checks, apiKey, 201, "POST", "/v1/connection-checks", check(i))),
                new WarmLatencyBench.Endpoint("POST /v1/sessions/{id}/close", i -> {
                    String id = startSession();
                    return measured(sessions, sessionsKey, 202, "POST", "/v1/sessions/" + id + "/close", "{\"reason\":\"planned\"}");
                }),
                new WarmLatencyBench.Endpoint("POST /v1/sessions/{id}/close/confirm", i -> {
                    String id = startSession();
                    String token = sessions.expect(202, "POST", "/v1/sessions/" + id + "/close", sessionsKey, "{\"reason\":\"planned\"}")
                            .json().path("confirmationToken").asText();
                    return measured(sessions, sessionsKey, 200, "POST", "/v1/sessions/" + id + "/close/confirm", "{\"confirmationToken\":\""
                            + token + "\",\"stats\":{\"peakViewers\":120,\"uniqueViewers\":400,\"newFollowers\":12,\"comments\":80,"
                            + "\"likes\":900,\"shares\":4,\"gifts\":2}}");
                }));
    }

    /** The floor under every endpoint: the hello baseline's {@code GET /hello} through the same Lambda path. */
    IntFunction<Duration> floor() {
        return i -> {
            LambdaHttp.Timed timed = hello.call("GET", "/hello", null, null);
            if (timed.response().status() != 200) {
                throw new IllegalStateException("GET /hello answered " + timed.response().status());
            }
            return timed.duration();
        };
    }

    /** A mix of reads and writes for the memory run, through the schedules function. */
    static List<MemoryBench.Request> memoryMix() {
        return List.of(new MemoryBench.Request("GET", "/v1/me", null),
                new MemoryBench.Request("POST", "/v1/schedules", schedule(0)),
                new MemoryBench.Request("GET", "/v1/schedules?limit=20", null),
                new MemoryBench.Request("GET", "/v1/api-keys", null));
    }

    private WarmLatencyBench.Sample measured(LambdaHttp lambda, String key, int status, String method, String target, String body) {
        LambdaHttp.Timed timed = lambda.call(method, target, key, body);
        HttpResponse response = timed.response();
        if (response.status() != status) {
            throw new IllegalStateException(method + " " + target + " answered " + response.status() + ": " + response.body());
        }
        ServerTiming timing = ServerTiming.of(response.header("Server-Timing"));
        return new WarmLatencyBench.Sample(timed.duration(), timing.dynamo(), timing.calls(), timing.app());
    }

    private String startSession() {
        return sessions.expect(201, "POST", "/v1/sessions", sessionsKey, "{}").json().path("id").asText();
    }

    private static String schedule(int i) {
        String start = LocalDateTime.now(ZoneId.of("America/New_York")).plusDays(3 + i % 20).truncatedTo(ChronoUnit.HOURS)
                .withHour(19).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return "{\"title\":\"Friday night Q&A #" + i + " qa\",\"keywords\":[\"qa\"],\"start\":\"" + start
                + "\",\"timeZone\":\"America/New_York\",\"durationMinutes\":60,\"reminders\":[\"PT24H\",\"PT1H\"]}";
    }

    private static String check(int i) {
        return String.format(Locale.ROOT, "{\"networkType\":\"wifi\",\"uploadMbps\":%.1f,\"downloadMbps\":30.0,\"rttMs\":%d,"
                + "\"jitterMs\":12,\"packetLossPct\":0.2}", 4.0 + i % 5, 40 + i % 50);
    }

    @Override
    public void close() {
        schedules.close();
        checks.close();
        sessions.close();
        hello.close();
    }
}
