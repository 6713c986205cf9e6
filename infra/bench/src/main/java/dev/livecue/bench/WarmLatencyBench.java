package dev.livecue.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Warm latency through the Lambda handler path (an HTTP API event into {@code handleRequest}, timed inside the
 * function's JVM) next to the raw DynamoDB Local time of the same calls: how long each of them was in flight (sent
 * to DynamoDB Local until its answer was back), which the function reports in the response's {@code Server-Timing}
 * header. Overhead = ours minus raw, at p50.
 */
final class WarmLatencyBench {

    static final double TARGET_OVERHEAD_MS = 1.0;

    /**
     * One measured request: the handler's time, the time its DynamoDB calls were in flight, their number, and the
     * time from Livecue's first request filter to its response filter (the rest of the handler's time is the event's
     * way in and out: reading the event, Quarkus's virtual HTTP connection, routing, writing the answer).
     */
    record Sample(Duration handler, Duration raw, int calls, Duration app) {

        Duration eventPath() {
            return handler.minus(app);
        }

        Duration livecueBesideDynamo() {
            return app.minus(raw);
        }
    }

    /** One measured request kind: how to make its {@code i}-th request. */
    record Endpoint(String name, IntFunction<Sample> request) {
    }

    /**
     * The hello baseline's warm {@code GET /hello} through the same Lambda path (event in, Quarkus's virtual HTTP
     * connection, RESTEasy, answer out) with no DynamoDB: what any function pays before doing anything.
     */
    static void floor(IntFunction<Duration> request, int warmup, int samples, ResultTable table) {
        Percentiles floor = Percentiles.of(sampled(request, warmup, samples));
        table.add("warm latency", "hello baseline GET /hello handler p50 / p99 (no DynamoDB: the path's floor)",
                ResultTable.ms(floor.p50()) + " / " + ResultTable.ms(floor.p99()));
    }

    static void run(List<Endpoint> endpoints, int warmup, int samples, ResultTable table) {
        for (Endpoint endpoint : endpoints) {
            List<Sample> taken = sampled(endpoint.request(), warmup, samples);
            Percentiles handler = Percentiles.of(taken.stream().map(Sample::handler).toList());
            Percentiles dynamo = Percentiles.of(taken.stream().map(Sample::raw).toList());
            int calls = taken.stream().mapToInt(Sample::calls).sum();
            double overhead = handler.p50() - dynamo.p50();
            table.add("warm latency", endpoint.name() + " handler p50 / p99",
                    ResultTable.ms(handler.p50()) + " / " + ResultTable.ms(handler.p99()));
            table.add("warm latency", endpoint.name() + " raw DynamoDB p50 / p99",
                    ResultTable.ms(dynamo.p50()) + " / " + ResultTable.ms(dynamo.p99())
                            + String.format(java.util.Locale.ROOT, " (%.1f calls per request)", (double) calls / samples));
            table.add("warm latency", endpoint.name() + " overhead split, medians",
                    ResultTable.ms(Percentiles.of(taken.stream().map(Sample::eventPath).toList()).p50())
                            + " the event's way in and out, "
                            + ResultTable.ms(Percentiles.of(taken.stream().map(Sample::livecueBesideDynamo).toList()).p50())
                            + " Livecue's request beside its DynamoDB calls (auth, JSON, rules, the SDK's work per call)");
            table.add("warm latency", endpoint.name() + " overhead at p50", ResultTable.ms(overhead),
                    "<= " + ResultTable.ms(TARGET_OVERHEAD_MS), overhead <= TARGET_OVERHEAD_MS);
        }
    }

    /** The {@code samples} requests made after {@code warmup} unmeasured ones, numbered on from them. */
    private static <T> List<T> sampled(IntFunction<T> request, int warmup, int samples) {
        for (int i = 0; i < warmup; i++) {
            request.apply(i);
        }
        List<T> taken = new ArrayList<>();
        for (int i = warmup; i < warmup + samples; i++) {
            taken.add(request.apply(i));
        }
        return taken;
    }
}
