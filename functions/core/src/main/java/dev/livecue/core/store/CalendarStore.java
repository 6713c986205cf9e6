package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.config.LivecueConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The calendar feed token: the creator's {@code CALENDAR} item holds the current token (it is a shareable
 * subscription link, so the creator can read it again), and a global {@code FEED#<sha256 of token>} lookup maps
 * it to the creator. Rotating swaps both in one transaction, so the old token stops working at once.
 */
@ApplicationScoped
public class CalendarStore {

    private static final String A_TOKEN = "feedToken";
    private static final String A_CREATED_AT = "createdAt";
    private static final String A_CREATOR_ID = "creatorId";

    /** The creator's token, when it was issued. */
    public record FeedToken(String token, Instant createdAt) {
    }

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    CalendarStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    public Optional<FeedToken> current(String creatorId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.CALENDAR)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new FeedToken(str(item, A_TOKEN), instant(item, A_CREATED_AT)));
    }

    /**
     * Replaces {@code previous} (empty: there was none) with {@code next}. False when another request changed the
     * token first; the caller reads it again.
     */
    public boolean replace(String creatorId, Optional<FeedToken> previous, FeedToken next) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = "attribute_not_exists(pk)";
        if (previous.isPresent()) {
            condition = "#token = :previous";
            values.put(":previous", s(previous.get().token()));
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(config.table())
                    .key(Attrs.key(Keys.feedLookup(SecretTokens.sha256Hex(previous.get().token())), Keys.LOOKUP))).build());
        }
        String guard = condition;
        writes.add(TransactWriteItem.builder().put(p -> {
            p.tableName(config.table()).item(Map.of(Keys.PK, s(Keys.creator(creatorId)), Keys.SK, s(Keys.CALENDAR),
                    Keys.TYPE, s("calendar"), A_TOKEN, s(next.token()), A_CREATED_AT, instant(next.createdAt())))
                    .conditionExpression(guard);
            if (!values.isEmpty()) {
                p.expressionAttributeNames(Map.of("#token", A_TOKEN)).expressionAttributeValues(values);
            }
        }).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(config.table())
                .item(Map.of(Keys.PK, s(Keys.feedLookup(SecretTokens.sha256Hex(next.token()))), Keys.SK, s(Keys.LOOKUP),
                        Keys.TYPE, s("feedLookup"), A_CREATOR_ID, s(creatorId)))
                .conditionExpression("attribute_not_exists(pk)")).build());
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** Whose feed a token opens; strongly consistent, so a rotated-out token is refused at once. */
    public Optional<String> owner(String token) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.feedLookup(SecretTokens.sha256Hex(token)), Keys.LOOKUP)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(str(item, A_CREATOR_ID));
    }
}
