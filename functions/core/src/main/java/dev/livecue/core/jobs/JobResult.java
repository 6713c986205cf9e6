package dev.livecue.core.jobs;

import java.util.Map;

/**
 * What one job did on one tick: its counters (for example {@code delivered}, {@code retried}) and, when it failed,
 * the error message. A failed job does not stop the others.
 */
public record JobResult(String job, Map<String, Long> counts, long millis, String error) {

    public JobResult {
        counts = Map.copyOf(counts);
    }

    public boolean failed() {
        return error != null;
    }
}
