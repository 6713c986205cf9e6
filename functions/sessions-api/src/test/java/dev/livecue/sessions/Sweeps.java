package dev.livecue.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs a dispatcher job as a first tick would: without its cursor, so it reads the last catch-up window before
 * {@code now}. Tests move the clock back and forth across months, which a real cursor never sees.
 */
final class Sweeps {

    private Sweeps() {
    }

    static JobResult runAt(ScheduledJob job, Instant now, DynamoDbClient dynamo, String table) {
        dynamo.deleteItem(d -> d.tableName(table).key(Map.of("pk", AttributeValue.fromS("JOB#" + job.name()),
                "sk", AttributeValue.fromS("CURSOR"))));
        return job.run(Tick.of(now, Duration.ofMinutes(2)));
    }
}
