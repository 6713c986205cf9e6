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
        subjects.forEach(s -> millis.put(s.function().name(), new double[runs]));
        for (int run = 0; run < runs; run++) {
            for (Subject subject : subjects) {
                long started = System.nanoTime();
                try (LambdaZipInvoker lambda = LambdaZipInvoker.start(subject.function())) {
                    String answer = lambda.invoke(subject.firstEvent()).text();
                    millis.get(subject.function().name())[run] = (System.nanoTime() - started) / 1_000_000.0;
                    requireSuccess(subject, answer);
                }
            }
        }
        double hello = Percentiles.median(millis.get(BenchStack.HELLO));
        table.add("cold start", "hello baseline (median of " + runs + ")", ResultTable.ms(hello));
        for (Subject subject : subjects.subList(1, subjects.size())) {
            double median = Percentiles.median(millis.get(subject.function().name()));
            double ratio = median / hello;
            table.add("cold start", subject.function().name() + " (median of " + runs + ")",
                    ResultTable.ms(median) + String.format(Locale.ROOT, " (%.2fx)", ratio), "<= " + TARGET_RATIO + "x hello",
                    ratio <= TARGET_RATIO);
        }
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
