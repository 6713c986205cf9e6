package dev.livecue.core.webhook;

/**
 * What one POST to a receiver came to: its status (null when there was no answer), why it failed when it did,
 * its {@code Retry-After} header, and how long it took.
 */
record HttpResult(Integer statusCode, String error, String retryAfter, long durationMs) {

    static HttpResult answered(int statusCode, String retryAfter, long durationMs) {
        String error = statusCode >= 300 && statusCode < 400 ? "redirects are not followed (" + statusCode + ")"
                : statusCode >= 200 && statusCode < 300 ? null : "the receiver answered " + statusCode;
        return new HttpResult(statusCode, error, retryAfter, durationMs);
    }

    static HttpResult failed(String error, long durationMs) {
        return new HttpResult(null, error, null, durationMs);
    }

    boolean succeeded() {
        return error == null;
    }
}
