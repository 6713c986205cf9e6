package dev.livecue.core.idempotency;

/** A response remembered for replay: status, body exactly as sent, its media type and Location header. */
public record StoredResponse(int status, String body, String mediaType, String location) {

    public StoredResponse withBody(String other) {
        return new StoredResponse(status, other, mediaType, location);
    }
}
