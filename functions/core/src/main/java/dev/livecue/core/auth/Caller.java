package dev.livecue.core.auth;

/**
 * Who is calling: a creator through one of its API keys, or the admin. {@link #scope()} partitions what is
 * remembered per caller, such as idempotency keys.
 */
public record Caller(String creatorId, String keyId, boolean admin) {

    public static final Caller ADMIN = new Caller(null, null, true);

    public static Caller creator(String creatorId, String keyId) {
        return new Caller(creatorId, keyId, false);
    }

    public String scope() {
        return admin ? "ADMIN" : "CREATOR#" + creatorId;
    }
}
