package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.num;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Sessions ({@code CREATOR#id / SESSION#id}), with a {@link Keys#VERSION} for optimistic locking of later changes. */
@ApplicationScoped
public class SessionStore {

    private static final String TYPE = "session";
    private static final String A_ID = "id";
    private static final String A_STATUS = "status";
    private static final String A_OCCURRENCE_ID = "occurrenceId";
    private static final String A_SCHEDULED_START = "scheduledStart";
    private static final String A_STARTED_AT = "startedAt";
    private static final String A_DELAY_MINUTES = "delayMinutes";

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;

    SessionStore(DynamoDbClient dynamo, LivecueConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** Writes a new session together with {@code alongside} (its event, say) in one transaction. */
    public void create(String creatorId, Session session, List<TransactWriteItem> alongside) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(item(creatorId, session))
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.addAll(alongside);
        dynamo.transactWriteItems(t -> t.transactItems(writes));
    }

    /** Strongly consistent: a session started a moment ago is found. */
    public Optional<Session> find(String creatorId, String sessionId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.session(sessionId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toSession(item));
    }

    private static Map<String, AttributeValue> item(String creatorId, Session session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.session(session.id())));
        item.put(Keys.TYPE, s(TYPE));
        item.put(A_ID, s(session.id()));
        item.put(A_STATUS, s(session.status().json()));
        Attrs.putIfPresent(item, A_OCCURRENCE_ID, session.occurrenceId());
        if (session.scheduledStart() != null) {
            item.put(A_SCHEDULED_START, instant(session.scheduledStart()));
        }
        item.put(A_STARTED_AT, instant(session.startedAt()));
        if (session.delayMinutes() != null) {
            item.put(A_DELAY_MINUTES, n(session.delayMinutes()));
        }
        item.put(Keys.VERSION, n(session.version()));
        return item;
    }

    private static Session toSession(Map<String, AttributeValue> item) {
        Integer delay = item.containsKey(A_DELAY_MINUTES) ? (int) num(item, A_DELAY_MINUTES, 0) : null;
        return new Session(str(item, A_ID), SessionStatus.fromJson(str(item, A_STATUS)), str(item, A_OCCURRENCE_ID),
                instant(item, A_SCHEDULED_START), instant(item, A_STARTED_AT), delay, num(item, Keys.VERSION, 0));
    }
}
