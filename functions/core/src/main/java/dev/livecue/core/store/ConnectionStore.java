package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.dbl;
import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.num;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;
import static dev.livecue.core.store.Attrs.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.connection.ConnectionCheck;
import dev.livecue.core.connection.ConnectionConfig;
import dev.livecue.core.connection.Finding;
import dev.livecue.core.connection.Incident;
import dev.livecue.core.connection.IncidentState;
import dev.livecue.core.connection.IncidentTransition;
import dev.livecue.core.connection.Measurements;
import dev.livecue.core.connection.Metric;
import dev.livecue.core.connection.NetworkType;
import dev.livecue.core.connection.Recommendation;
import dev.livecue.core.connection.Severity;
import dev.livecue.core.connection.TimelinePoint;
import dev.livecue.core.connection.Verdict;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Connection checks and the incidents of lives.
 * <ul>
 * <li>Every check: {@code CREATOR#c / CHECK#<measuredAt>#<id>}, the creator's check history in time order. A
 * check of a live is also listed in {@link Keys#GSI2} under {@code CREATOR#c#SESSION#s#CHECKS}, so a session's
 * report queries exactly its own checks.</li>
 * <li>Per live: {@code CONNSTATE#s}, the incident bookkeeping (versioned), and {@code INCIDENT#s#<start>#<id>}
 * per incident.</li>
 * </ul>
 * Everything expires after the configured retention (TTL on {@link Keys#EXPIRES_AT}).
 */
@ApplicationScoped
public class ConnectionStore {

    private static final String A_ID = "id";
    private static final String A_SESSION_ID = "sessionId";
    private static final String A_MEASURED_AT = "measuredAt";
    private static final String A_NETWORK_TYPE = "networkType";
    private static final String A_VERDICT = "verdict";
    private static final String A_SCORE = "score";
    private static final String A_FINDINGS = "findings";
    private static final String A_STEPS = "steps";
    private static final String A_RECOMMENDATION = "recommendation";
    private static final String A_INCIDENT_ID = "incidentId";
    private static final String A_POOR_STREAK = "poorStreak";
    private static final String A_GOOD_STREAK = "goodStreak";
    private static final String A_GOOD_SINCE = "goodSince";
    private static final String A_OPEN_INCIDENT_START = "openIncidentStart";
    private static final String A_STARTED_AT = "startedAt";
    private static final String A_ENDED_AT = "endedAt";
    private static final String F_METRIC = "metric";
    private static final String F_VALUE = "value";
    private static final String F_THRESHOLD = "threshold";
    private static final String F_SEVERITY = "severity";
    private static final String F_MESSAGE = "message";
    /** What a report needs of a check: not its findings and steps. */
    private static final String TIMELINE_PROJECTION = String.join(",", A_ID, A_MEASURED_AT, A_NETWORK_TYPE,
            Metric.UPLOAD.field(), Metric.DOWNLOAD.field(), Metric.RTT.field(), Metric.JITTER.field(),
            Metric.PACKET_LOSS.field(), A_VERDICT, A_SCORE, A_RECOMMENDATION);

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;
    private final ConnectionConfig connection;

    ConnectionStore(DynamoDbClient dynamo, LivecueConfig config, ConnectionConfig connection) {
        this.dynamo = dynamo;
        this.config = config;
        this.connection = connection;
    }

    /** The check {@code checkId} measured at {@code measuredAt}, if it was recorded. */
    public Optional<ConnectionCheck> find(String creatorId, Instant measuredAt, String checkId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.check(measuredAt, checkId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toCheck(item));
    }

    /** A check outside a live; {@link AlreadyCreatedException} when one has its id and time. */
    public void put(String creatorId, ConnectionCheck check) {
        try {
            dynamo.putItem(p -> p.tableName(config.table()).item(checkItem(creatorId, check))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new AlreadyCreatedException();
        }
    }

    /** Strongly consistent, since the next transition is computed from it. */
    public IncidentState incidentState(String creatorId, String sessionId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(config.table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.connectionState(sessionId))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return IncidentState.none();
        }
        String openId = str(item, A_INCIDENT_ID);
        Incident open = openId == null ? null : new Incident(openId, sessionId, instant(item, A_OPEN_INCIDENT_START), null);
        List<Instant> streak = strings(item, A_POOR_STREAK).stream().map(Instant::parse).toList();
        return new IncidentState(streak, (int) num(item, A_GOOD_STREAK, 0), instant(item, A_GOOD_SINCE), open,
                num(item, Keys.VERSION, 0));
    }

    /**
     * A check of a live, in one transaction with its effect on the live's incident state: the state moves from
     * {@code expectedVersion} to the transition's next state, an opened incident is written with its
     * {@code alongside} event, a closed one gets its end. Nothing is written if the state moved on meanwhile.
     *
     * @throws ConcurrentUpdateException when another check of the same live got there first
     * @throws AlreadyCreatedException when a check has its id and time
     */
    public void putInLive(String creatorId, ConnectionCheck check, long expectedVersion, IncidentTransition transition,
            Optional<TransactWriteItem> alongside) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> checkItem = checkItem(creatorId, check);
        checkItem.put(Keys.GSI2_PK, s(Keys.sessionChecks(creatorId, check.sessionId())));
        checkItem.put(Keys.GSI2_SK, checkItem.get(Keys.SK));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(config.table()).item(checkItem)
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.add(stateWrite(creatorId, check.sessionId(), transition.next(), expectedVersion, check.measuredAt()));
        if (transition.opened() != null) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(config.table())
                    .item(incidentItem(creatorId, transition.opened()))
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        if (transition.closed() != null) {
            Incident closed = transition.closed();
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(config.table())
                    .key(Attrs.key(Keys.creator(creatorId), Keys.incident(closed.sessionId(), closed.startedAt(), closed.id())))
                    .updateExpression("SET #end = :end")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#end)")
                    .expressionAttributeNames(Map.of("#end", A_ENDED_AT))
                    .expressionAttributeValues(Map.of(":end", instant(closed.endedAt())))).build());
        }
        alongside.ifPresent(writes::add);
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (Cancellations.conditionFailedAt(e, 0)) {
                throw new AlreadyCreatedException();
            }
            if (Cancellations.conditionFailedAt(e, 1)) {
                throw new ConcurrentUpdateException();
            }
            throw e;
        }
    }

    /** The creator's checks, newest first. */
    public Page<ConnectionCheck> list(String creatorId, PageRequest page) {
        page.within(Keys.CHECK_PREFIX);
        QueryResponse response = dynamo.query(q -> {
            q.tableName(config.table())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.creator(creatorId)), ":prefix", s(Keys.CHECK_PREFIX)))
                    .scanIndexForward(false)
                    .limit(page.limit());
            page.after().ifPresent(after -> q.exclusiveStartKey(Attrs.key(Keys.creator(creatorId), after)));
        });
        List<ConnectionCheck> checks = response.items().stream().map(ConnectionStore::toCheck).toList();
        String last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(Keys.SK).s() : null;
        return Page.of(checks, last);
    }

    /** Every check of one live, in the order they were measured: one query of that live's index partition. */
    public List<TimelinePoint> timeline(String creatorId, String sessionId) {
        QueryRequest query = QueryRequest.builder().tableName(config.table()).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2_PK))
                .expressionAttributeValues(Map.of(":pk", s(Keys.sessionChecks(creatorId, sessionId))))
                .projectionExpression(TIMELINE_PROJECTION)
                .build();
        List<TimelinePoint> points = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            points.add(new TimelinePoint(str(item, A_ID), instant(item, A_MEASURED_AT), measurements(item),
                    Verdict.fromJson(str(item, A_VERDICT)), (int) num(item, A_SCORE, 0),
                    Recommendation.fromJson(str(item, A_RECOMMENDATION))));
        }
        return points;
    }

    /** The incidents of one live, in the order they started. */
    public List<Incident> incidents(String creatorId, String sessionId) {
        QueryRequest query = QueryRequest.builder().tableName(config.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.creator(creatorId)), ":prefix", s(Keys.incidentsOf(sessionId))))
                .consistentRead(true)
                .build();
        List<Incident> incidents = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            incidents.add(new Incident(str(item, A_ID), str(item, A_SESSION_ID), instant(item, A_STARTED_AT),
                    instant(item, A_ENDED_AT)));
        }
        return incidents;
    }

    /**
     * The lives of the creator that had at least one connection incident: one query over the creator's incidents
     * (rare, and expiring with the checks), reading only their session ids, instead of one query per live.
     */
    public java.util.Set<String> sessionsWithIncidents(String creatorId) {
        QueryRequest query = QueryRequest.builder().tableName(config.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.creator(creatorId)), ":prefix", s(Keys.INCIDENT_PREFIX)))
                .projectionExpression("#sid")
                .expressionAttributeNames(Map.of("#sid", A_SESSION_ID))
                .build();
        java.util.Set<String> sessions = new java.util.HashSet<>();
        dynamo.queryPaginator(query).items().forEach(item -> sessions.add(str(item, A_SESSION_ID)));
        return sessions;
    }

    private TransactWriteItem stateWrite(String creatorId, String sessionId, IncidentState next, long expectedVersion,
            Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.connectionState(sessionId)));
        item.put(Keys.TYPE, s("connectionState"));
        item.put(A_POOR_STREAK, strings(next.poorStreak().stream().map(Instant::toString).toList()));
        item.put(A_GOOD_STREAK, n(next.goodStreak()));
        if (next.goodSince() != null) {
            item.put(A_GOOD_SINCE, instant(next.goodSince()));
        }
        if (next.open() != null) {
            item.put(A_INCIDENT_ID, s(next.open().id()));
            item.put(A_OPEN_INCIDENT_START, instant(next.open().startedAt()));
        }
        item.put(Keys.VERSION, n(next.version()));
        item.put(Keys.EXPIRES_AT, n(expiry(now)));
        return TransactWriteItem.builder().put(p -> {
            p.tableName(config.table()).item(item);
            if (expectedVersion == 0) {
                p.conditionExpression("attribute_not_exists(pk)");
            } else {
                p.conditionExpression("#v = :expected")
                        .expressionAttributeNames(Map.of("#v", Keys.VERSION))
                        .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
            }
        }).build();
    }

    private Map<String, AttributeValue> incidentItem(String creatorId, Incident incident) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.incident(incident.sessionId(), incident.startedAt(), incident.id())));
        item.put(Keys.TYPE, s("incident"));
        item.put(A_ID, s(incident.id()));
        item.put(A_SESSION_ID, s(incident.sessionId()));
        item.put(A_STARTED_AT, instant(incident.startedAt()));
        item.put(Keys.EXPIRES_AT, n(expiry(incident.startedAt())));
        return item;
    }

    private Map<String, AttributeValue> checkItem(String creatorId, ConnectionCheck check) {
        Measurements m = check.measurements();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.check(check.measuredAt(), check.id())));
        item.put(Keys.TYPE, s("connectionCheck"));
        item.put(A_ID, s(check.id()));
        Attrs.putIfPresent(item, A_SESSION_ID, check.sessionId());
        item.put(A_MEASURED_AT, instant(check.measuredAt()));
        item.put(A_NETWORK_TYPE, s(m.networkType().json()));
        for (Metric metric : Metric.values()) {
            Double value = m.value(metric);
            if (value != null) {
                item.put(metric.field(), n(value));
            }
        }
        item.put(A_VERDICT, s(check.verdict().json()));
        item.put(A_SCORE, n(check.score()));
        item.put(A_FINDINGS, AttributeValue.fromL(check.findings().stream().map(ConnectionStore::findingValue).toList()));
        item.put(A_STEPS, strings(check.steps()));
        item.put(A_RECOMMENDATION, s(check.recommendation().json()));
        Attrs.putIfPresent(item, A_INCIDENT_ID, check.incidentId());
        item.put(Keys.EXPIRES_AT, n(expiry(check.measuredAt())));
        return item;
    }

    private long expiry(Instant from) {
        return from.plus(connection.retention()).getEpochSecond();
    }

    private static AttributeValue findingValue(Finding f) {
        return AttributeValue.fromM(Map.of(F_METRIC, s(f.metric().field()), F_VALUE, n(f.value()),
                F_THRESHOLD, n(f.threshold()), F_SEVERITY, s(f.severity().json()), F_MESSAGE, s(f.message())));
    }

    private static Finding toFinding(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new Finding(Metric.fromField(str(m, F_METRIC)), dbl(m, F_VALUE, 0), dbl(m, F_THRESHOLD, 0),
                Severity.fromJson(str(m, F_SEVERITY)), str(m, F_MESSAGE));
    }

    private static ConnectionCheck toCheck(Map<String, AttributeValue> item) {
        AttributeValue findings = item.get(A_FINDINGS);
        return new ConnectionCheck(str(item, A_ID), str(item, A_SESSION_ID), instant(item, A_MEASURED_AT),
                measurements(item), Verdict.fromJson(str(item, A_VERDICT)), (int) num(item, A_SCORE, 0),
                findings == null ? List.of() : findings.l().stream().map(ConnectionStore::toFinding).toList(),
                strings(item, A_STEPS), Recommendation.fromJson(str(item, A_RECOMMENDATION)), str(item, A_INCIDENT_ID));
    }

    private static Measurements measurements(Map<String, AttributeValue> item) {
        return new Measurements(NetworkType.parse(str(item, A_NETWORK_TYPE)).orElse(NetworkType.UNKNOWN),
                dbl(item, Metric.UPLOAD.field(), 0), optional(item, Metric.DOWNLOAD), optional(item, Metric.RTT),
                optional(item, Metric.JITTER), optional(item, Metric.PACKET_LOSS));
    }

    private static Double optional(Map<String, AttributeValue> item, Metric metric) {
        return item.containsKey(metric.field()) ? dbl(item, metric.field(), 0) : null;
    }
}
