package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.s;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the due-work index ({@link Keys#GSI1}): which items of one kind became due in a span of minutes. Items
 * stay listed until their job is done with them, and a claim moves an item to the bucket of its lease's end, so
 * work a crashed dispatcher held shows up again by itself. The cost of a read grows with the work due, never
 * with the items stored.
 */
@ApplicationScoped
public class DueIndex {

    /** A listed item: its table key, and the sort key it is listed under in the index. */
    public record Due(String pk, String sk, String indexSk) {
    }

    /**
     * The buckets of a span are independent queries, read several at once: a dispatcher catching up an hour
     * (60 minutes x {@link Keys#DUE_SHARDS} shards, for each job) would otherwise wait on each in turn.
     */
    private static final int PARALLEL_READS = 8;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService READERS = Executors.newFixedThreadPool(PARALLEL_READS, runnable -> {
        Thread thread = new Thread(runnable, "due-index-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    DueIndex(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /**
     * Items whose index sort key starts with {@code kindPrefix} (for example {@code REMINDER#}) in the buckets of
     * every minute from {@code from} to {@code to}, both included.
     */
    public List<Due> due(String kindPrefix, Instant from, Instant to) {
        List<Future<List<Due>>> buckets = new ArrayList<>();
        for (Instant minute = from.truncatedTo(ChronoUnit.MINUTES); !minute.isAfter(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            for (int shard = 0; shard < Keys.DUE_SHARDS; shard++) {
                String bucket = Keys.dueBucket(minute, shard);
                buckets.add(READERS.submit(() -> bucket(bucket, kindPrefix)));
            }
        }
        List<Due> found = new ArrayList<>();
        for (Future<List<Due>> bucket : buckets) {
            found.addAll(result(bucket));
        }
        return found;
    }

    private List<Due> bucket(String bucket, String kindPrefix) {
        QueryRequest query = QueryRequest.builder().tableName(config.table()).indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :kind)")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK, "#sk", Keys.GSI1_SK))
                .expressionAttributeValues(Map.of(":pk", s(bucket), ":kind", s(kindPrefix)))
                .build();
        List<Due> found = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            found.add(new Due(item.get(Keys.PK).s(), item.get(Keys.SK).s(), item.get(Keys.GSI1_SK).s()));
        }
        return found;
    }

    /** A bucket's items, in minute and shard order; a failed read fails the whole span, as a sequential one would. */
    private static List<Due> result(Future<List<Due>> bucket) {
        try {
            return bucket.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the due-work index", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
