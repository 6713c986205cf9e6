package dev.livecue.core.idempotency;

import java.time.Instant;

/**
 * What the store knows of a key: the hash of the first body, the response once there is one, until when the
 * request that holds it keeps it (after that, a retry takes it over: that request died), and when the first
 * request with the key began (null in records from before 2026-12-08).
 */
public record IdempotencyRecord(String bodyHash, StoredResponse response, Instant leaseUntil, Instant firstAttempt) {

    public boolean completed() {
        return response != null;
    }
}
