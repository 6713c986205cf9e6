package dev.livecue.bench;

import java.util.List;
import java.util.Locale;

import dev.livecue.lambda.LambdaFunction;

/**
 * Resident memory of a function's execution environment after many requests, with the template's memory size
 * (which caps the heap as the Lambda Java runtime does). Peak RSS is read from the function's own JVM.
 */
final class MemoryBench {

    static final long TARGET_MB = 256;

    /** A request to repeat: method, target and body (null for none). */
    record Request(String method, String target, String body) {
    }

    static void run(LambdaFunction function, String apiKey, List<Request> mix, int requests, ResultTable table) {
        try (LambdaHttp lambda = LambdaHttp.start(function)) {
            long peakKb = lambda.invoker().initPeakRssKb();
            for (int i = 0; i < requests; i++) {
                Request request = mix.get(i % mix.size());
                LambdaHttp.Timed timed = lambda.call(request.method(), request.target(), apiKey, request.body());
                if (timed.response().status() >= 500) {
                    throw new IllegalStateException(request + " answered " + timed.response().status() + ": " + timed.response().body());
                }
                peakKb = Math.max(peakKb, timed.peakRssKb());
            }
            long peakMb = peakKb / 1024;
            table.add("memory", String.format(Locale.ROOT, "%s peak RSS after %d requests (MemorySize %d MB)", function.name(),
                    requests, function.memoryMb()), peakMb + " MB", "< " + TARGET_MB + " MB", peakMb < TARGET_MB);
        }
    }
}
