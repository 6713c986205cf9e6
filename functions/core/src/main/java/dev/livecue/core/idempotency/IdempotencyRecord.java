package dev.livecue.core.idempotency;

/** What the store knows of a key: the hash of the first body, and the response once there is one. */
public record IdempotencyRecord(String bodyHash, StoredResponse response) {

    public boolean completed() {
        return response != null;
    }
}
