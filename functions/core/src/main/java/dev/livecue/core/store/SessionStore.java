package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.num;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.session.Goodbye;
import dev.livecue.core.session.MakeUpSlot;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStats;
import dev.livecue.core.session.SessionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sessions ({@code CREATOR#id / SESSION#id}), with a {@link Keys#VERSION} for optimistic locking of later changes.
 * Every session is listed in {@link Keys#GSI2} under {@link Keys#sessions} by start, for lists and analytics; a live
 * one is also listed in the due-work index at the moment it would count as abandoned, so the sweep reads only
 * those. Ending a session drops that listing.
 */
@ApplicationScoped
public class SessionStore {

    private static final String TYPE = "session";
    /** Sends of a new session's transaction while other writes to its items keep being under way. */
    private static final int CREATE_ATTEMPTS = 3;
    private static final String A_ID = "id";
    private static final String A_STATUS = "status";
    private static final String A_OCCURRENCE_ID = "occurrenceId";
    private static final String A_TITLE = "title";
    private static final String A_SCHEDULED_START = "scheduledStart";
    private static final String A_STARTED_AT = "startedAt";
    private static final String A_DELAY_MINUTES = "delayMinutes";
    private static final String A_ENDED_AT = "endedAt";
    private static final String A_DURATION = "durationMinutes";
    private static final String A_END_REASON = "endReason";
    private static final String A_REPLAY_UNTIL = "replayAvailableUntil";
    private static final String A_GOODBYE = "goodbye";
    private static final String A_STATS = "stats";
    private static final String A_MAKE_UP = "makeUp";
    private static final String A_CLOSE_TOKEN_HASH = "closeTokenHash";
    private static final String A_CLOSE_EXPIRES_AT = "closeExpiresAt";
    private static final String A_CLOSE_REASON = "closeReason";
    private static final String A_CLOSE_GOODBYE = "closeGoodbye";

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;
    private final ObjectMapper json;

    SessionStore(DynamoDbClient dynamo, LivecueConfig config, ObjectMapper json) {
        this.dynamo = dynamo;
        this.config = config;
        this.json = json;
    }

    /**
     * Writes a new live session, listed for the abandoned-session sweep at {@code abandonAt}, together with
     * {@code alongside} (its event, say) in one transaction. DynamoDB cancels the transaction when another write to
     * one of its items is under way (the missed-live sweep or a second phone recording the planned live's status);
     * a cancelled transaction wrote nothing, and its writes are new items and the status set to a fixed value, so
     * it is sent again; a live that meets other writes on all {@link #CREATE_ATTEMPTS} sends, or whose planned
     * live changed since it was read (another session made it live, it was cancelled or moved), gets
     * {@link ConcurrentUpdateException}; one whose id is taken (an earlier attempt of its request started it),
     * {@link AlreadyCreatedException}.
     */
    public void create(String creatorId, Session session, Instant abandonAt, List<TransactWriteItem> alongside) {
        Map<String, AttributeValue> item = item(creatorId, session);
        item.put(Keys.GSI1_PK, s(Keys.dueBucket(abandonAt, Keys.dueShard(session.id()))));
        item.put(Keys.GSI1_SK, s(Keys.session(session.id())));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.addAll(alongside);
        for (int attempt = 1;; attempt++) {
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (Cancellations.conditionFailedAt(e, 0)) {
                    throw new AlreadyCreatedException();
                }
                if (Cancellations.conditionFailed(e, 1)) {
                    // a write alongside the session's own: the planned live changed since it was read
                    // (ScheduleStore.liveWrite)
                    throw new ConcurrentUpdateException();
                }
                if (!Cancellations.conflicted(e)) {
                    throw e;
                }
                if (attempt == CREATE_ATTEMPTS) {
                    throw new ConcurrentUpdateException();
                }
                Cancellations.pauseAfterConflict(attempt, "starting a live");
            }
        }
    }

    /** Strongly consistent: a session started a moment ago is found. */
    public Optional<Session> find(String creatorId, String sessionId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.session(sessionId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toSession(item));
    }

    /**
     * Records a prepared close on a live session (replacing an earlier one) if nobody changed the session since
     * {@code expectedVersion}; the session stays live and listed for the sweep.
     */
    public void prepareClose(String creatorId, Session updated, long expectedVersion) {
        Session.PendingClose pending = updated.pendingClose();
        try {
            dynamo.updateItem(u -> u.tableName(config.table())
                    .key(Attrs.key(Keys.creator(creatorId), Keys.session(updated.id())))
                    .updateExpression("SET #th = :th, #te = :te, #tr = :tr, #tg = :tg, #v = :next")
                    .conditionExpression("#v = :expected AND #st = :live")
                    .expressionAttributeNames(Map.of("#th", A_CLOSE_TOKEN_HASH, "#te", A_CLOSE_EXPIRES_AT,
                            "#tr", A_CLOSE_REASON, "#tg", A_CLOSE_GOODBYE, "#v", Keys.VERSION, "#st", A_STATUS))
                    .expressionAttributeValues(Map.of(":th", s(pending.tokenHash()), ":te", instant(pending.expiresAt()),
                            ":tr", s(pending.reason()), ":tg", s(write(pending.goodbye())), ":next", n(updated.version()),
                            ":expected", n(expectedVersion), ":live", s(SessionStatus.LIVE.json()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException();
        }
    }

    /**
     * Lists a live session for the abandoned-session sweep again, at {@code at}, leaving the session itself as it is
     * (its version too, so a confirmation under way still gets through and drops the listing). Nothing is written
     * for a session that ended meanwhile.
     */
    public void relistForSweep(String creatorId, String sessionId, Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(config.table())
                    .key(Attrs.key(Keys.creator(creatorId), Keys.session(sessionId)))
                    .updateExpression("SET #gpk = :gpk")
                    .conditionExpression("#st = :live")
                    .expressionAttributeNames(Map.of("#gpk", Keys.GSI1_PK, "#st", A_STATUS))
                    .expressionAttributeValues(Map.of(":gpk", s(Keys.dueBucket(at, Keys.dueShard(sessionId))),
                            ":live", s(SessionStatus.LIVE.json()))));
        } catch (ConditionalCheckFailedException e) {
            // it ended meanwhile, and with it its listing
        }
    }

    /**
     * Writes the session as it ended, with {@code alongside} (its event) in one transaction, if nobody changed it
     * since {@code expectedVersion}: of two confirmations at the same moment exactly one gets through. The other
     * gets {@link ConcurrentUpdateException}, whether DynamoDB saw the first one's write (a failed condition) or
     * saw it under way (a transaction conflict), and reads the session again.
     */
    public void end(String creatorId, Session ended, long expectedVersion, List<TransactWriteItem> alongside) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(item(creatorId, ended))
                .conditionExpression("#v = :expected")
                .expressionAttributeNames(Map.of("#v", Keys.VERSION))
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))).build());
        writes.addAll(alongside);
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (Cancellations.conditionFailedAt(e, 0) || Cancellations.conflicted(e)) {
                throw new ConcurrentUpdateException();
            }
            throw e;
        }
    }

    /** One page of the sessions that started in [from, to), by start. */
    public Page<Session> list(String creatorId, Instant from, Instant to, PageRequest page) {
        QueryResponse response = dynamo.query(timeline(creatorId, from, to).toBuilder().limit(page.limit())
                .exclusiveStartKey(page.after().map(after -> startKey(creatorId, after)).orElse(null)).build());
        List<Session> sessions = response.items().stream().map(this::toSession).toList();
        String last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(Keys.GSI2_SK).s() : null;
        return Page.of(sessions, last);
    }

    /** Every session that started in [from, to), by start. */
    public List<Session> all(String creatorId, Instant from, Instant to) {
        List<Session> sessions = new ArrayList<>();
        dynamo.queryPaginator(timeline(creatorId, from, to)).items().forEach(item -> sessions.add(toSession(item)));
        return sessions;
    }

    private QueryRequest timeline(String creatorId, Instant from, Instant to) {
        // A sort key is "<start>#<id>", so the bare "<to>" sorts before every session that started at exactly "to".
        return QueryRequest.builder().tableName(config.table()).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2_PK, "#sk", Keys.GSI2_SK))
                .expressionAttributeValues(Map.of(":pk", s(Keys.sessions(creatorId)), ":from", s(Keys.sortable(from)),
                        ":to", s(Keys.sortable(to))))
                .build();
    }

    /** Where a page ended, rebuilt from the index sort key the cursor holds; the partition is always the caller's. */
    private static Map<String, AttributeValue> startKey(String creatorId, String indexSortKey) {
        String sessionId = indexSortKey.substring(indexSortKey.lastIndexOf('#') + 1);
        return Map.of(Keys.PK, s(Keys.creator(creatorId)), Keys.SK, s(Keys.session(sessionId)),
                Keys.GSI2_PK, s(Keys.sessions(creatorId)), Keys.GSI2_SK, s(indexSortKey));
    }

    private Map<String, AttributeValue> item(String creatorId, Session session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.session(session.id())));
        item.put(Keys.TYPE, s(TYPE));
        item.put(Keys.GSI2_PK, s(Keys.sessions(creatorId)));
        item.put(Keys.GSI2_SK, s(Keys.sessionAt(session.startedAt(), session.id())));
        item.put(A_ID, s(session.id()));
        item.put(A_STATUS, s(session.status().json()));
        Attrs.putIfPresent(item, A_OCCURRENCE_ID, session.occurrenceId());
        Attrs.putIfPresent(item, A_TITLE, session.title());
        putIfPresent(item, A_SCHEDULED_START, session.scheduledStart());
        item.put(A_STARTED_AT, instant(session.startedAt()));
        putIfPresent(item, A_DELAY_MINUTES, session.delayMinutes());
        putIfPresent(item, A_ENDED_AT, session.endedAt());
        putIfPresent(item, A_DURATION, session.durationMinutes());
        Attrs.putIfPresent(item, A_END_REASON, session.endReason());
        putIfPresent(item, A_REPLAY_UNTIL, session.replayAvailableUntil());
        if (session.goodbye() != null) {
            item.put(A_GOODBYE, s(write(session.goodbye())));
        }
        if (session.stats() != null) {
            Map<String, AttributeValue> stats = new HashMap<>();
            for (SessionStats.Stat stat : SessionStats.Stat.values()) {
                Long count = session.stats().get(stat);
                if (count != null) {
                    stats.put(stat.field(), n(count));
                }
            }
            item.put(A_STATS, AttributeValue.fromM(stats));
        }
        if (session.makeUp() != null) {
            item.put(A_MAKE_UP, s(write(session.makeUp())));
        }
        Session.PendingClose pending = session.pendingClose();
        if (pending != null) {
            item.put(A_CLOSE_TOKEN_HASH, s(pending.tokenHash()));
            item.put(A_CLOSE_EXPIRES_AT, instant(pending.expiresAt()));
            item.put(A_CLOSE_REASON, s(pending.reason()));
            item.put(A_CLOSE_GOODBYE, s(write(pending.goodbye())));
        }
        item.put(Keys.VERSION, n(session.version()));
        return item;
    }

    private Session toSession(Map<String, AttributeValue> item) {
        Integer delay = item.containsKey(A_DELAY_MINUTES) ? (int) num(item, A_DELAY_MINUTES, 0) : null;
        Integer duration = item.containsKey(A_DURATION) ? (int) num(item, A_DURATION, 0) : null;
        SessionStats stats = null;
        if (item.containsKey(A_STATS)) {
            Map<SessionStats.Stat, Long> counts = new EnumMap<>(SessionStats.Stat.class);
            Map<String, AttributeValue> stored = item.get(A_STATS).m();
            for (SessionStats.Stat stat : SessionStats.Stat.values()) {
                if (stored.containsKey(stat.field())) {
                    counts.put(stat, num(stored, stat.field(), 0));
                }
            }
            stats = SessionStats.of(counts);
        }
        Session.PendingClose pending = item.containsKey(A_CLOSE_TOKEN_HASH)
                ? new Session.PendingClose(str(item, A_CLOSE_TOKEN_HASH), instant(item, A_CLOSE_EXPIRES_AT),
                        str(item, A_CLOSE_REASON), read(str(item, A_CLOSE_GOODBYE), Goodbye.class))
                : null;
        return new Session(str(item, A_ID), SessionStatus.fromJson(str(item, A_STATUS)), str(item, A_OCCURRENCE_ID),
                str(item, A_TITLE), instant(item, A_SCHEDULED_START), instant(item, A_STARTED_AT), delay,
                instant(item, A_ENDED_AT), duration, str(item, A_END_REASON), instant(item, A_REPLAY_UNTIL),
                read(str(item, A_GOODBYE), Goodbye.class), stats, read(str(item, A_MAKE_UP), MakeUpSlot.class),
                pending, num(item, Keys.VERSION, 0));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, instant(value));
        }
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Integer value) {
        if (value != null) {
            item.put(name, n(value));
        }
    }

    /** Nested values (the goodbye, a make-up slot) are kept as the JSON the API shows. */
    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serializable: " + value.getClass(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
