package dev.livecue.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.livecue.lambda.LambdaEvents;
import dev.livecue.lambda.LambdaFunction;
import dev.livecue.lambda.LambdaZipInvoker;

/**
 * Cold start: a fresh execution environment (new JVM, unzipped package) to the first answered request, for every
 * function and for the hello baseline. Runs are interleaved round-robin so machine noise hits all alike; the
 * median of the runs is compared with the baseline's.
 */
final class ColdStartBench {

    static final double TARGET_RATIO = 1.3;

    /** A function and the first request a user would make of it. */
    record Subject(LambdaFunction function, String firstEvent) {
    }

    static void run(BenchStack stack, String apiKey, int runs, ResultTable table) {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject(stack.hello(), LambdaEvents.httpApi("GET", "/hello", Map.of(), null)));
        Map<String, String> auth = Map.of("authorization", "Bearer " + apiKey);
        subjects.add(new Subject(stack.function("SchedulesApiFunction"), LambdaEvents.httpApi("GET", "/v1/me", auth, null)));
        subjects.add(new Subject(stack.function("ConnectionChecksApiFunction"),
                LambdaEvents.httpApi("GET", "/v1/connection-checks/probe?bytes=1024", auth, null)));
        subjects.add(new Subject(stack.function("SessionsApiFunction"), LambdaEvents.httpApi("GET", "/v1/sessions", auth, null)));
        subjects.add(new Subject(stack.function("ReminderDispatchFunction"), LambdaEvents.scheduled(java.time.Instant.now())));

        // The dispatcher's steady state: its jobs have run before and read only the minutes since (a job that never
        // ran looks back an hour, which a deployed dispatcher does once, not on every cold start).
        try (LambdaZipInvoker dispatcher = LambdaZipInvoker.start(subjects.get(subjects.size() - 1).function())) {
            dispatcher.invoke(subjects.get(subjects.size() - 1).firstEvent());
        }
        Map<String, double[]> millis = new LinkedHashMap<>();
        // Where a cold start's time goes: the init phase (handler class loaded and constructed, Quarkus started)
        // and the first request, both timed inside the function's JVM; the rest is unzipping and JVM boot.
        Map<String, double[]> initMillis = new LinkedHashMap<>();
        Map<String, double[]> firstMillis = new LinkedHashMap<>();
        subjects.forEach(s -> {
            millis.put(s.function().name(), new double[runs]);
            initMillis.put(s.function().name(), new double[runs]);
            firstMillis.put(s.function().name(), new double[runs]);
        });
        for (int run = 0; run < runs; run++) {
            for (Subject subject : subjects) {
                long started = System.nanoTime();
                try (LambdaZipInvoker lambda = LambdaZipInvoker.start(subject.function())) {
                    LambdaZipInvoker.Invocation first = lambda.invoke(subject.firstEvent());
                    String name = subject.function().name();
                    millis.get(name)[run] = (System.nanoTime() - started) / 1_000_000.0;
                    initMillis.get(name)[run] = lambda.initDuration().toNanos() / 1_000_000.0;
                    firstMillis.get(name)[run] = first.duration().toNanos() / 1_000_000.0;
                    requireSuccess(subject, first.text());
                }
            }
        }
        double hello = Percentiles.median(millis.get(BenchStack.HELLO));
        table.add("cold start", "hello baseline (median of " + runs + ")", ResultTable.ms(hello)
                + breakdown(BenchStack.HELLO, millis, initMillis, firstMillis));
        for (Subject subject : subjects.subList(1, subjects.size())) {
            String name = subject.function().name();
            double median = Percentiles.median(millis.get(name));
            double ratio = median / hello;
            table.add("cold start", name + " (median of " + runs + ")",
                    ResultTable.ms(median) + String.format(Locale.ROOT, " (%.2fx)", ratio)
                            + breakdown(name, millis, initMillis, firstMillis),
                    "<= " + TARGET_RATIO + "x hello", ratio <= TARGET_RATIO);
        }
    }

    /** Medians of the parts: unzip and JVM boot (the rest), init phase, first request. */
    private static String breakdown(String name, Map<String, double[]> total, Map<String, double[]> init,
            Map<String, double[]> first) {
        double initMs = Percentiles.median(init.get(name));
        double firstMs = Percentiles.median(first.get(name));
        return String.format(Locale.ROOT, "; unzip+boot %.0f, init %.0f, first request %.0f",
                Percentiles.median(total.get(name)) - initMs - firstMs, initMs, firstMs);
    }

    private static void requireSuccess(Subject subject, String answer) {
        if (subject.firstEvent().contains("\"rawPath\"")) {
            int status = LambdaEvents.httpResponse(answer).status();
            if (status >= 300) {
                throw new IllegalStateException(subject.function().name() + " answered " + status + ": " + answer);
            }
        }
    }
}
