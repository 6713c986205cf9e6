package dev.livecue.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.livecue.lambda.LambdaEvents;
import dev.livecue.lambda.LambdaEvents.HttpResponse;
import dev.livecue.lambda.LambdaFunction;
import dev.livecue.lambda.LambdaZipInvoker;

/** One warm execution environment of an HTTP function, called with HTTP API events as API Gateway would. */
final class LambdaHttp implements AutoCloseable {

    /** A response and how long the handler took for it (measured inside the function's JVM). */
    record Timed(HttpResponse response, Duration duration, long peakRssKb) {
    }

    private final LambdaZipInvoker lambda;

    private LambdaHttp(LambdaZipInvoker lambda) {
        this.lambda = lambda;
    }

    static LambdaHttp start(LambdaFunction function) {
        return new LambdaHttp(LambdaZipInvoker.start(function));
    }

    LambdaZipInvoker invoker() {
        return lambda;
    }

    Timed call(String method, String target, String bearer, String body) {
        Map<String, String> headers = new HashMap<>();
        if (bearer != null) {
            headers.put("authorization", "Bearer " + bearer);
        }
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        LambdaZipInvoker.Invocation invocation = lambda.invoke(LambdaEvents.httpApi(method, target, headers, body));
        return new Timed(LambdaEvents.httpResponse(invocation.text()), invocation.duration(), invocation.peakRssKb());
    }

    /** Calls and insists on the expected status, so a broken setup cannot pass for a fast one. */
    HttpResponse expect(int status, String method, String target, String bearer, String body) {
        HttpResponse response = call(method, target, bearer, body).response();
        if (response.status() != status) {
            throw new IllegalStateException(method + " " + target + " answered " + response.status() + ", expected " + status
                    + ": " + response.body());
        }
        return response;
    }

    @Override
    public void close() {
        lambda.close();
    }
}
