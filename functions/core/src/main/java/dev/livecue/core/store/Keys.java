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

    private Keys() {
    }

    public static String creator(String creatorId) {
        return "CREATOR#" + creatorId;
    }

    public static String handle(String handle) {
        return "HANDLE#" + handle;
    }

    public static String apiKeyLookup(String keyHash) {
        return API_KEY_PREFIX + keyHash;
    }

    public static String apiKey(String keyId) {
        return API_KEY_PREFIX + keyId;
    }
}
