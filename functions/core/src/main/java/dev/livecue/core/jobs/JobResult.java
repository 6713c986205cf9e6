package dev.livecue.core.jobs;

import java.util.Map;

import dev.livecue.core.store.DynamoMeter;

/**
 * What one job did on one tick: its counters (for example {@code delivered}, {@code retried}), when it failed the
 * error message, and what it cost in DynamoDB calls and capacity (null where no {@link DynamoMeter} is on the
 * client). A failed job does not stop the others.
 */
public record JobResult(String job, Map<String, Long> counts, long millis, String error, DynamoMeter.Reading dynamodb) {

    public JobResult {
        counts = Map.copyOf(counts);
    }

    public JobResult(String job, Map<String, Long> counts, long millis, String error) {
        this(job, counts, millis, error, null);
    }

    /** This result with the DynamoDB use the job's run measured; none when nothing was metered. */
    public JobResult metered(DynamoMeter.Reading used) {
        return new JobResult(job, counts, millis, error, used.totalCalls() == 0 ? null : used);
    }

    public boolean failed() {
        return error != null;
    }
}
