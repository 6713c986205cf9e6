package dev.livecue.core.idempotency;

import java.time.Instant;

/**
 * What the store knows of a key: the hash of the first body, the response once there is one, and until when the
 * request that holds it keeps it (after that, a retry takes it over: that request died).
 */
public record IdempotencyRecord(String bodyHash, StoredResponse response, Instant leaseUntil) {

    public boolean completed() {
        return response != null;
    }
}
