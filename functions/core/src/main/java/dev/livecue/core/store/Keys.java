package dev.livecue.core.store;

/**
 * Every key of the single table in one place. Creator-owned items live under {@code CREATOR#<id>}, so a
 * creator's request can only ever name its own items. The only other partitions are the global lookups that
 * must work before the creator is known (API key hash, handle, calendar feed token) and the due-work index.
 */
public final class Keys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String GSI2 = "gsi2";
    public static final String GSI2_PK = "gsi2pk";
    public static final String GSI2_SK = "gsi2sk";
    /** Epoch seconds after which DynamoDB's TTL may delete the item. */
    public static final String EXPIRES_AT = "expiresAt";
    /** Optimistic-locking counter. */
    public static final String VERSION = "version";
    /** The item's type, for readers of the raw table. */
    public static final String TYPE = "type";

    public static final String PROFILE = "PROFILE";
    /** Sort key of a global lookup item (handle, API key hash, feed token). */
    public static final String LOOKUP = "LOOKUP";
    public static final String API_KEY_PREFIX = "APIKEY#";
    public static final String IDEMPOTENCY_PREFIX = "IDEMP#";

    public static final String EVENT_PREFIX = "EVENT#";

    /** A schedule (planned live or series): {@code SCHEDULE#<scheduleId>}. */
    public static final String SCHEDULE_PREFIX = "SCHEDULE#";
    /** A deleted schedule, kept for the lives of it that happened (not matched by {@link #SCHEDULE_PREFIX}). */
    public static final String DELETED_SCHEDULE_PREFIX = "DELETEDSCHEDULE#";
    /** One occurrence's own state (cancelled, moved, later live/held/missed): {@code OCCURRENCE#<occurrenceId>}. */
    public static final String OCCURRENCE_PREFIX = "OCCURRENCE#";
    /** A planned reminder or checklist: {@code REMINDER#<reminderId>}; also its kind prefix in {@link #GSI1}. */
    public static final String REMINDER_PREFIX = "REMINDER#";
    /** Kind prefix in {@link #GSI1} of a schedule whose reminder horizon needs extending. */
    public static final String PLAN_PREFIX = "PLAN#";
    /**
     * A watch on one occurrence's slot: {@code SLOTWATCH#<occurrenceId>}, also its kind prefix in {@link #GSI1} at
     * the slot's end plus grace, when a live without a session is recorded as missed.
     */
    public static final String SLOT_WATCH_PREFIX = "SLOTWATCH#";
    public static final String VACATION = "VACATION";
    /** The creator's calendar feed settings (its current token). */
    public static final String CALENDAR = "CALENDAR";
    /** A webhook subscription: {@code WEBHOOK#<id>}. */
    public static final String WEBHOOK_PREFIX = "WEBHOOK#";
    /** How many times the creator's set of subscriptions changed (outside {@link #WEBHOOK_PREFIX}'s listings). */
    public static final String WEBHOOK_SET = "WEBHOOKSET";
    /** One event on its way to one subscription: {@code DELIVERY#<eventId>#<subscriptionId>}, also its gsi1sk. */
    public static final String DELIVERY_PREFIX = "DELIVERY#";
    /** A subscription's delivery log, newest last: {@code WHLOG#<subscriptionId>#<epoch millis>#<attemptId>}. */
    public static final String DELIVERY_LOG_PREFIX = "WHLOG#";
    public static final String SESSION_PREFIX = "SESSION#";
    public static final String CHECK_PREFIX = "CHECK#";
    public static final String INCIDENT_PREFIX = "INCIDENT#";
    /** Instants in sort keys: fixed width (always milliseconds), so text order is time order. */
    private static final java.time.format.DateTimeFormatter SORTABLE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
    /** Shards per due-minute bucket of {@link #GSI1}, so one busy minute does not make one hot partition. */
    public static final int DUE_SHARDS = 8;
    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(java.time.ZoneOffset.UTC);

    private Keys() {
    }

    public static String creator(String creatorId) {
        return "CREATOR#" + creatorId;
    }

    /** The creator id in a {@code CREATOR#<id>} partition key, such as one read from the due-work index. */
    public static String creatorOf(String pk) {
        String prefix = creator("");
        if (!pk.startsWith(prefix)) {
            throw new IllegalArgumentException("not a creator partition: " + pk);
        }
        return pk.substring(prefix.length());
    }

    public static String handle(String handle) {
        return "HANDLE#" + handle;
    }

    public static String apiKeyLookup(String keyHash) {
        return API_KEY_PREFIX + keyHash;
    }

    /** Global lookup of a calendar feed by the SHA-256 of its token. */
    public static String feedLookup(String tokenHash) {
        return "FEED#" + tokenHash;
    }

    public static String apiKey(String keyId) {
        return API_KEY_PREFIX + keyId;
    }

    public static String session(String sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    /** {@link #GSI2} partition of the creator's sessions in start order (sort key: {@link #sessionAt}). */
    public static String sessions(String creatorId) {
        return creator(creatorId) + "#SESSIONS";
    }

    /** A session's place in {@link #sessions}: its start, then its id. */
    public static String sessionAt(java.time.Instant startedAt, String sessionId) {
        return sortable(startedAt) + "#" + sessionId;
    }

    /** An instant as fixed-width text, so that text order is time order in sort keys. */
    public static String sortable(java.time.Instant instant) {
        return SORTABLE.format(instant);
    }

    /** A connection check in the creator's check history, in time order. */
    public static String check(java.time.Instant measuredAt, String checkId) {
        return CHECK_PREFIX + SORTABLE.format(measuredAt) + "#" + checkId;
    }

    /** {@link #GSI2} partition of one session's connection checks (sort key: {@link #check}). */
    public static String sessionChecks(String creatorId, String sessionId) {
        return creator(creatorId) + "#" + session(sessionId) + "#CHECKS";
    }

    /** The running incident bookkeeping of one session's connection (streaks, the open incident). */
    public static String connectionState(String sessionId) {
        return "CONNSTATE#" + sessionId;
    }

    /** Prefix of one session's connection incidents, in start order. */
    public static String incidentsOf(String sessionId) {
        return INCIDENT_PREFIX + sessionId + "#";
    }

    public static String incident(String sessionId, java.time.Instant startedAt, String incidentId) {
        return incidentsOf(sessionId) + SORTABLE.format(startedAt) + "#" + incidentId;
    }

    /**
     * Partition key of the due-work index {@link #GSI1}: the UTC minute an item becomes due plus a shard. Every
     * item the dispatcher must act on at a time (a reminder, an event to fan out, a retry) carries one, so a tick
     * reads the buckets of the minutes since its last run, never the whole table.
     */
    public static String dueBucket(java.time.Instant due, int shard) {
        return "DUE#" + MINUTE.format(due) + "#" + shard;
    }

    /** The shard an item's id falls into, stable for the id. */
    public static int dueShard(String id) {
        return Math.floorMod(id.hashCode(), DUE_SHARDS);
    }
}
