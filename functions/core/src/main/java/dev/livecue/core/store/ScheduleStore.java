package dev.livecue.core.store;

import static dev.livecue.core.store.Attrs.instant;
import static dev.livecue.core.store.Attrs.n;
import static dev.livecue.core.store.Attrs.num;
import static dev.livecue.core.store.Attrs.s;
import static dev.livecue.core.store.Attrs.str;
import static dev.livecue.core.store.Attrs.strings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.schedule.CreatorContext;
import dev.livecue.core.schedule.OccurrenceState;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.schedule.Vacation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Schedules ({@code SCHEDULE#id}), the state of single occurrences ({@code OCCURRENCE#<occurrenceId>}) and the
 * vacation, all under the creator's partition. A schedule is listed in the due-work index under
 * {@code PLAN#<id>} at the time its reminder horizon needs extending, so the planner never scans.
 */
@ApplicationScoped
public class ScheduleStore {

    private static final String A_ID = "id";
    private static final String A_TITLE = "title";
    private static final String A_DESCRIPTION = "description";
    private static final String A_THUMBNAIL = "thumbnailUrl";
    private static final String A_KEYWORDS = "keywords";
    private static final String A_START = "start";
    private static final String A_TIME_ZONE = "timeZone";
    private static final String A_KEPT = "kept";
    private static final String A_DELETED_AT = "deletedAt";
    /** How long a deleted schedule stays for its history: a year of analytics windows, and a margin. */
    static final Duration DELETED_KEPT = Duration.ofDays(400);
    private static final String A_DURATION = "durationMinutes";
    private static final String A_RECURRENCE = "recurrence";
    private static final String A_REMINDERS = "reminders";
    private static final String A_PROMOTE = "promote";
    private static final String A_CREATED_AT = "createdAt";
    private static final String A_UPDATED_AT = "updatedAt";
    private static final String A_PLANNED_UNTIL = "plannedUntil";
    private static final String A_SCHEDULE_ID = "scheduleId";
    private static final String A_DATE = "date";
    private static final String A_STATUS = "status";
    private static final String A_FROM = "from";
    private static final String A_TO = "to";

    /** DynamoDB's limit of writes per transaction, less the schedule's own. */
    public static final int MAX_ALONGSIDE_NEW = DynamoLimits.TRANSACTION_ITEMS - 1;

    /** The item changed, or was deleted, since it was read. */
    public static final class ConcurrentUpdateException extends RuntimeException {
        ConcurrentUpdateException() {
            super(null, null, false, false);
        }
    }

    private final DynamoDbClient dynamo;
    private final LivecueConfig config;
    private final BatchGets batch;

    ScheduleStore(DynamoDbClient dynamo, LivecueConfig config, BatchGets batch) {
        this.dynamo = dynamo;
        this.config = config;
        this.batch = batch;
    }

    /**
     * Writes a new or changed schedule (a change only if nobody changed it since {@code expectedVersion}: else
     * {@link ConcurrentUpdateException}; new only if its id is free: else {@link AlreadyCreatedException}), listed
     * for the planner at {@code planAt}: if the request dies before its own planning is done, the next tick plans it.
     */
    public void put(String creatorId, Schedule schedule, Optional<Long> expectedVersion, Instant planAt) {
        Map<String, AttributeValue> item = item(creatorId, schedule);
        listForPlanner(item, schedule.id(), planAt);
        try {
            dynamo.putItem(p -> {
                p.tableName(table()).item(item);
                expectedVersion.ifPresentOrElse(
                        version -> p.conditionExpression("#v = :expected")
                                .expressionAttributeNames(Map.of("#v", Keys.VERSION))
                                .expressionAttributeValues(Map.of(":expected", n(version))),
                        () -> p.conditionExpression("attribute_not_exists(pk)"));
            });
        } catch (ConditionalCheckFailedException e) {
            throw expectedVersion.isPresent() ? new ConcurrentUpdateException() : new AlreadyCreatedException();
        }
    }

    /**
     * Writes a new schedule already planned until {@code plannedUntil} (listed for the planner again at
     * {@code nextPlan}, if its series goes on) together with {@code alongside} (its reminders), all in one
     * transaction: a request that fails leaves neither. At most {@link #MAX_ALONGSIDE_NEW} writes go alongside.
     *
     * @throws AlreadyCreatedException when a schedule has its id, and nothing was written
     */
    public void putPlanned(String creatorId, Schedule schedule, Instant plannedUntil, Optional<Instant> nextPlan,
            List<TransactWriteItem> alongside) {
        if (alongside.size() > MAX_ALONGSIDE_NEW) {
            throw new IllegalArgumentException(alongside.size() + " writes do not fit in one transaction");
        }
        Map<String, AttributeValue> item = item(creatorId, schedule);
        item.put(A_PLANNED_UNTIL, instant(plannedUntil));
        nextPlan.ifPresent(at -> listForPlanner(item, schedule.id(), at));
        List<TransactWriteItem> writes = new ArrayList<>(alongside.size() + 1);
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build());
        writes.addAll(alongside);
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (Cancellations.conditionFailedAt(e, 0)) {
                throw new AlreadyCreatedException();
            }
            throw e;
        }
    }

    public Optional<Schedule> find(String creatorId, String scheduleId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.SCHEDULE_PREFIX + scheduleId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(schedule(item));
    }

    public Page<Schedule> list(String creatorId, PageRequest page) {
        QueryResponse response = dynamo.query(q -> {
            q.tableName(table())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.creator(creatorId)), ":prefix", s(Keys.SCHEDULE_PREFIX)))
                    .limit(page.limit());
            page.after().ifPresent(after -> q.exclusiveStartKey(Attrs.key(Keys.creator(creatorId), after)));
        });
        String last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get(Keys.SK).s() : null;
        return Page.of(response.items().stream().map(ScheduleStore::schedule).toList(), last);
    }

    /** Every schedule of the creator, for the occurrence list and the feed. */
    public List<Schedule> all(String creatorId) {
        return query(creatorId, Keys.SCHEDULE_PREFIX, null).stream().map(ScheduleStore::schedule).toList();
    }

    /**
     * Deletes the schedule at {@code at}, as the caller read it ({@link ConcurrentUpdateException} if another request
     * changed or deleted it meanwhile), and what is recorded about its lives still to come. Its lives that happened
     * (live, held, missed) stay in history: their records stay, and so does a copy of the schedule
     * ({@link #deleted}), both for {@link #DELETED_KEPT}, so that deleting a series does not rewrite the analytics of
     * the weeks it ran.
     */
    public void delete(String creatorId, Schedule schedule, Instant at) {
        String scheduleId = schedule.id();
        AttributeValue expires = n(at.plus(DELETED_KEPT).getEpochSecond());
        Map<String, AttributeValue> copy = item(creatorId, schedule);
        copy.put(Keys.SK, s(Keys.DELETED_SCHEDULE_PREFIX + scheduleId));
        copy.put(Keys.TYPE, s("deleted-schedule"));
        copy.put(A_DELETED_AT, instant(at));
        copy.put(Keys.EXPIRES_AT, expires);
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table()).item(copy)).build(),
                    TransactWriteItem.builder().delete(d -> d.tableName(table())
                            .key(Attrs.key(Keys.creator(creatorId), Keys.SCHEDULE_PREFIX + scheduleId))
                            .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", Keys.VERSION))
                            .expressionAttributeValues(Map.of(":v", n(schedule.version())))).build()));
        } catch (TransactionCanceledException e) {
            if (Cancellations.conditionFailedAt(e, 1) || Cancellations.conflicted(e)) {
                throw new ConcurrentUpdateException();
            }
            throw e;
        }
        for (Map<String, AttributeValue> state : query(creatorId, Keys.OCCURRENCE_PREFIX + scheduleId + ".", null)) {
            Map<String, AttributeValue> stateKey = Attrs.key(Keys.creator(creatorId), state.get(Keys.SK).s());
            try {
                // a live starting at this moment keeps its record: the condition reads the status as it is now
                dynamo.deleteItem(d -> d.tableName(table()).key(stateKey)
                        .conditionExpression("NOT (#status IN (:live, :held, :missed))")
                        .expressionAttributeNames(Map.of("#status", A_STATUS))
                        .expressionAttributeValues(Map.of(":live", s(OccurrenceStatus.LIVE.json()),
                                ":held", s(OccurrenceStatus.HELD.json()), ":missed", s(OccurrenceStatus.MISSED.json()))));
            } catch (ConditionalCheckFailedException happened) {
                // history: kept as long as the copy
                dynamo.updateItem(u -> u.tableName(table()).key(stateKey).updateExpression("SET #ttl = :ttl")
                        .expressionAttributeNames(Map.of("#ttl", Keys.EXPIRES_AT)).expressionAttributeValues(Map.of(":ttl", expires)));
            }
        }
    }

    /** A deleted schedule kept for its history (see {@link #delete}), and when it was deleted. */
    public record DeletedSchedule(Schedule schedule, Instant deletedAt) {
    }

    /** The creator's deleted schedules still kept for their history. */
    public List<DeletedSchedule> deleted(String creatorId) {
        return query(creatorId, Keys.DELETED_SCHEDULE_PREFIX, null).stream()
                .map(item -> new DeletedSchedule(schedule(item), instant(item, A_DELETED_AT))).toList();
    }

    /**
     * Records that reminders are planned until {@code plannedUntil}, and lists the schedule for the planner again
     * at {@code nextPlan} (or no more, when the series has nothing left beyond the horizon).
     */
    public void markPlanned(String creatorId, String scheduleId, Instant plannedUntil, Optional<Instant> nextPlan) {
        Map<String, String> names = new HashMap<>(Map.of("#pu", A_PLANNED_UNTIL, "#gpk", Keys.GSI1_PK, "#gsk", Keys.GSI1_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pu", instant(plannedUntil)));
        String update;
        if (nextPlan.isPresent()) {
            update = "SET #pu = :pu, #gpk = :gpk, #gsk = :gsk";
            values.put(":gpk", s(Keys.dueBucket(nextPlan.get(), Keys.dueShard(scheduleId))));
            values.put(":gsk", s(Keys.PLAN_PREFIX + scheduleId));
        } else {
            update = "SET #pu = :pu REMOVE #gpk, #gsk";
        }
        try {
            dynamo.updateItem(u -> u.tableName(table())
                    .key(Attrs.key(Keys.creator(creatorId), Keys.SCHEDULE_PREFIX + scheduleId))
                    .updateExpression(update).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException deletedMeanwhile) {
            // nothing left to plan for
        }
    }

    /**
     * Records an occurrence's state, only while its schedule still exists (false if it does not) and only if the
     * record is still at {@code state.version()}, as it was read (0: there was none); otherwise
     * {@link ConcurrentUpdateException}: another change of the occurrence got in between.
     */
    public boolean putState(String creatorId, OccurrenceState state) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(stateKey(state.scheduleId(), state.date())));
        item.put(Keys.TYPE, s("occurrence"));
        item.put(A_SCHEDULE_ID, s(state.scheduleId()));
        item.put(A_DATE, s(state.date().toString()));
        item.put(A_STATUS, s(state.status().json()));
        if (state.start() != null) {
            item.put(A_START, s(state.start().toString()));
            item.put(A_TIME_ZONE, s(state.timeZone()));
        }
        if (state.kept()) {
            item.put(A_KEPT, AttributeValue.fromBool(true));
        }
        if (state.title() != null) {
            item.put(A_TITLE, s(state.title()));
            item.put(A_DURATION, n(state.durationMinutes()));
        }
        item.put(A_UPDATED_AT, instant(state.updatedAt()));
        item.put(Keys.VERSION, n(state.version() + 1));
        Put.Builder put = Put.builder().tableName(table()).item(item).expressionAttributeNames(Map.of("#v", Keys.VERSION))
                .conditionExpression(versionIs(state.version()));
        if (state.version() != 0) {
            put.expressionAttributeValues(Map.of(":seen", n(state.version())));
        }
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(table())
                            .key(Attrs.key(Keys.creator(creatorId), Keys.SCHEDULE_PREFIX + state.scheduleId()))
                            .conditionExpression("attribute_exists(pk)")).build(),
                    TransactWriteItem.builder().put(put.build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (Cancellations.conditionFailedAt(e, 0)) {
                return false;
            }
            if (Cancellations.conditionFailedAt(e, 1) || Cancellations.conflicted(e)) {
                throw new ConcurrentUpdateException();
            }
            throw e;
        }
    }

    /**
     * The write of {@code status} on an occurrence, for the transaction that records what caused it (a session
     * starting or ending). It keeps where a move put the occurrence and, unlike {@link #putState}, does not insist
     * that the schedule still exists: a live must start and end even if its series was deleted meanwhile, and the
     * state of a deleted series is never read.
     */
    public TransactWriteItem statusWrite(String creatorId, String scheduleId, LocalDate date, OccurrenceStatus status, Instant at) {
        return TransactWriteItem.builder().update(statusUpdate(creatorId, scheduleId, date, status, at).build()).build();
    }

    /**
     * The write of {@code live} on an occurrence for a session starting: it fails, and the transaction with it,
     * unless the occurrence's record is still at {@code seenVersion} (as the session read it, 0: none), so two
     * sessions started at once cannot both hold one planned live, and a live cannot start on an occurrence
     * cancelled or moved a moment before. {@code live} is the record as the session read it ({@code version}) and
     * what the live was for: its start (kept, or where a move put it), its title and its length.
     */
    public TransactWriteItem liveWrite(String creatorId, OccurrenceState live) {
        Update.Builder update = statusUpdate(creatorId, live.scheduleId(), live.date(), OccurrenceStatus.LIVE,
                live.updatedAt(), live, live.version()).conditionExpression(versionIs(live.version()));
        return TransactWriteItem.builder().update(update.build()).build();
    }

    /**
     * The condition that an occurrence's record is still at {@code seen} (over {@code #v}, and {@code :seen} unless
     * 0: no record yet, or one written before records had versions).
     */
    private static String versionIs(long seen) {
        return seen == 0 ? "attribute_not_exists(#v)" : "#v = :seen";
    }

    private Update.Builder statusUpdate(String creatorId, String scheduleId, LocalDate date, OccurrenceStatus status, Instant at) {
        return statusUpdate(creatorId, scheduleId, date, status, at, null, 0);
    }

    /** {@code live}: what the live was for, to record (null: nothing); {@code seen}: a version to compare, or 0. */
    private Update.Builder statusUpdate(String creatorId, String scheduleId, LocalDate date, OccurrenceStatus status,
            Instant at, OccurrenceState live, long seen) {
        Map<String, String> names = new HashMap<>(Map.of("#type", Keys.TYPE, "#schedule", A_SCHEDULE_ID, "#date", A_DATE,
                "#status", A_STATUS, "#at", A_UPDATED_AT, "#v", Keys.VERSION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", s("occurrence"), ":schedule", s(scheduleId),
                ":date", s(date.toString()), ":status", s(status.json()), ":at", instant(at), ":one", n(1)));
        String set = "SET #type = :type, #schedule = :schedule, #date = :date, #status = :status, #at = :at";
        if (live != null) {
            // the live keeps the start, title and length it had, so a later edit of the series leaves it be
            set += ", #start = :start, #tz = :tz, #kept = :kept, #title = :title, #duration = :duration";
            names.putAll(Map.of("#start", A_START, "#tz", A_TIME_ZONE, "#kept", A_KEPT, "#title", A_TITLE,
                    "#duration", A_DURATION));
            values.putAll(Map.of(":start", s(live.start().toString()), ":tz", s(live.timeZone()),
                    ":kept", AttributeValue.fromBool(live.kept()), ":title", s(live.title()),
                    ":duration", n(live.durationMinutes())));
        }
        if (seen != 0) {
            values.put(":seen", n(seen));
        }
        return Update.builder().tableName(table())
                .key(Attrs.key(Keys.creator(creatorId), stateKey(scheduleId, date)))
                // a session's write moves the version on too, so a cancel or move read before it fails
                .updateExpression(set + " ADD #v :one")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }

    public Optional<OccurrenceState> state(String creatorId, String scheduleId, LocalDate date) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table())
                .key(Attrs.key(Keys.creator(creatorId), stateKey(scheduleId, date))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(state(item));
    }

    /** The recorded states of a schedule's occurrences planned from {@code from} to {@code to} (both included). */
    public Map<LocalDate, OccurrenceState> states(String creatorId, String scheduleId, LocalDate from, LocalDate to) {
        Map<LocalDate, OccurrenceState> states = new HashMap<>();
        for (Map<String, AttributeValue> item : query(creatorId, stateKey(scheduleId, from), stateKey(scheduleId, to))) {
            OccurrenceState state = state(item);
            states.put(state.date(), state);
        }
        return states;
    }

    /** Sets the creator's vacation; {@code at} is when, which the calendar feed's revisions take in. */
    public void putVacation(String creatorId, Vacation vacation, Instant at) {
        writeVacation(creatorId, at, Map.of(A_FROM, s(vacation.from().toString()), A_TO, s(vacation.to().toString())));
    }

    /**
     * Ends the creator's vacation. What stays is when it ended: a calendar client must see the lives it had
     * cancelled come back as a newer revision (SEQUENCE) than the cancellation, or it keeps them cancelled.
     */
    public void endVacation(String creatorId, Instant at) {
        writeVacation(creatorId, at, Map.of());
    }

    /** The creator's vacation item: its dates (none once ended) and when it was last set or ended. */
    private void writeVacation(String creatorId, Instant at, Map<String, AttributeValue> dates) {
        Map<String, AttributeValue> item = new HashMap<>(dates);
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.VACATION));
        item.put(Keys.TYPE, s("vacation"));
        item.put(A_UPDATED_AT, instant(at));
        dynamo.putItem(p -> p.tableName(table()).item(item));
    }

    public Optional<Vacation> vacation(String creatorId) {
        return vacationState(creatorId).current();
    }

    /** The current vacation, if any, and when a vacation was last set or ended (unknown before this was kept). */
    public record VacationState(Optional<Vacation> current, Optional<Instant> changedAt) {
    }

    public VacationState vacationState(String creatorId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table())
                .key(Attrs.key(Keys.creator(creatorId), Keys.VACATION)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? new VacationState(Optional.empty(), Optional.empty())
                : new VacationState(vacation(item), Optional.ofNullable(instant(item, A_UPDATED_AT)));
    }

    /** The creator's profile and vacation in one consistent BatchGetItem; empty when there is no such creator. */
    public Optional<CreatorContext> creatorContext(String creatorId) {
        Map<String, AttributeValue> profileKey = Attrs.key(Keys.creator(creatorId), Keys.PROFILE);
        Map<String, AttributeValue> vacationKey = Attrs.key(Keys.creator(creatorId), Keys.VACATION);
        Map<String, Map<String, AttributeValue>> found = batch.get(List.of(profileKey, vacationKey));
        Optional<Vacation> vacation = Optional.ofNullable(found.get(BatchGets.id(vacationKey))).flatMap(ScheduleStore::vacation);
        return Optional.ofNullable(found.get(BatchGets.id(profileKey)))
                .map(profile -> new CreatorContext(AccountStore.toCreator(profile), vacation));
    }

    static String stateKey(String scheduleId, LocalDate date) {
        return Keys.OCCURRENCE_PREFIX + scheduleId + "." + date;
    }

    /** Items whose sort key starts with {@code prefix}, or lies between {@code prefix} and {@code upTo}. */
    private List<Map<String, AttributeValue>> query(String creatorId, String prefix, String upTo) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(Keys.creator(creatorId)), ":a", s(prefix)));
        String condition = "pk = :pk AND begins_with(sk, :a)";
        if (upTo != null) {
            values.put(":b", s(upTo));
            condition = "pk = :pk AND sk BETWEEN :a AND :b";
        }
        QueryRequest query = QueryRequest.builder().tableName(table()).keyConditionExpression(condition)
                .expressionAttributeValues(values).consistentRead(true).build();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(query).items().forEach(items::add);
        return items;
    }

    /** Lists the schedule in the due-work index for the planner at {@code at}. */
    private static void listForPlanner(Map<String, AttributeValue> item, String scheduleId, Instant at) {
        item.put(Keys.GSI1_PK, s(Keys.dueBucket(at, Keys.dueShard(scheduleId))));
        item.put(Keys.GSI1_SK, s(Keys.PLAN_PREFIX + scheduleId));
    }

    private static Map<String, AttributeValue> item(String creatorId, Schedule schedule) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.creator(creatorId)));
        item.put(Keys.SK, s(Keys.SCHEDULE_PREFIX + schedule.id()));
        item.put(Keys.TYPE, s("schedule"));
        item.put(A_ID, s(schedule.id()));
        item.put(A_TITLE, s(schedule.title()));
        Attrs.putIfPresent(item, A_DESCRIPTION, schedule.description());
        Attrs.putIfPresent(item, A_THUMBNAIL, schedule.thumbnailUrl());
        item.put(A_KEYWORDS, strings(schedule.keywords()));
        item.put(A_START, s(schedule.start().toString()));
        item.put(A_TIME_ZONE, s(schedule.timeZone()));
        item.put(A_DURATION, n(schedule.durationMinutes()));
        Attrs.putIfPresent(item, A_RECURRENCE, schedule.recurrence());
        item.put(A_REMINDERS, strings(schedule.reminders()));
        item.put(A_PROMOTE, AttributeValue.fromBool(schedule.promote()));
        item.put(A_CREATED_AT, instant(schedule.createdAt()));
        item.put(A_UPDATED_AT, instant(schedule.updatedAt()));
        item.put(Keys.VERSION, n(schedule.version()));
        return item;
    }

    static Schedule schedule(Map<String, AttributeValue> item) {
        AttributeValue promote = item.get(A_PROMOTE);
        return new Schedule(str(item, A_ID), str(item, A_TITLE), str(item, A_DESCRIPTION), str(item, A_THUMBNAIL),
                strings(item, A_KEYWORDS), LocalDateTime.parse(str(item, A_START)), str(item, A_TIME_ZONE),
                (int) num(item, A_DURATION, Schedule.DEFAULT_DURATION_MINUTES), str(item, A_RECURRENCE),
                strings(item, A_REMINDERS), promote == null || Boolean.TRUE.equals(promote.bool()),
                instant(item, A_CREATED_AT), instant(item, A_UPDATED_AT), num(item, Keys.VERSION, 0));
    }

    /** The vacation an item holds; empty for the mark an ended one leaves. */
    static Optional<Vacation> vacation(Map<String, AttributeValue> item) {
        return item.containsKey(A_FROM)
                ? Optional.of(new Vacation(LocalDate.parse(str(item, A_FROM)), LocalDate.parse(str(item, A_TO))))
                : Optional.empty();
    }

    static OccurrenceState state(Map<String, AttributeValue> item) {
        String start = str(item, A_START);
        String title = str(item, A_TITLE);
        return new OccurrenceState(str(item, A_SCHEDULE_ID), LocalDate.parse(str(item, A_DATE)),
                OccurrenceStatus.of(str(item, A_STATUS)), start == null ? null : LocalDateTime.parse(start),
                str(item, A_TIME_ZONE), item.containsKey(A_KEPT) && Boolean.TRUE.equals(item.get(A_KEPT).bool()),
                title, title == null ? null : (int) num(item, A_DURATION, 0), instant(item, A_UPDATED_AT),
                num(item, Keys.VERSION, 0));
    }

    private String table() {
        return config.table();
    }
}
