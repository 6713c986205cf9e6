package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Watches on planned lives ({@code CREATOR#id / SLOTWATCH#<occurrenceId>}), listed in the due-work index at the
 * moment the slot is over, so the missed-lives job looks at each planned live once, when it matters, and never
 * scans. Planning the same occurrence again just moves its watch.
 */
@ApplicationScoped
public class SlotWatchStore {

    /** One occurrence to look at when {@code due}. */
    public record Watch(String occurrenceId, Instant due) {
    }

    private static final int BATCH = 25;
    /** A watch nobody got to (the dispatcher was down for long) is dropped eventually. */
    private static final Duration RETENTION = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    SlotWatchStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    public void put(String creatorId, List<Watch> watches) {
        for (int i = 0; i < watches.size(); i += BATCH) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Watch watch : watches.subList(i, Math.min(i + BATCH, watches.size()))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(creatorId, watch)).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(config.table(), writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(batch));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    public void delete(String creatorId, String occurrenceId) {
        dynamo.deleteItem(d -> d.tableName(config.table()).key(Attrs.key(Keys.creator(creatorId), Keys.SLOT_WATCH_PREFIX + occurrenceId)));
    }

    private static Map<String, AttributeValue> item(String creatorId, Watch watch) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.SLOT_WATCH_PREFIX + watch.occurrenceId()));
        item.put(Keys.TYPE, s("slotWatch"));
        item.put(Keys.GSI1_PK, s(Keys.dueBucket(watch.due(), Keys.dueShard(watch.occurrenceId()))));
        item.put(Keys.GSI1_SK, s(Keys.SLOT_WATCH_PREFIX + watch.occurrenceId()));
        item.put(Keys.EXPIRES_AT, n(watch.due().plus(RETENTION).getEpochSecond()));
        return item;
    }
}
