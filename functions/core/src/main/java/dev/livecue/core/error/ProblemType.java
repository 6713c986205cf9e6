package dev.livecue.core.error;

/** The kinds of problem Livecue answers with (RFC 9457 {@code type}, {@code title} and {@code status}). */
public enum ProblemType {
    VALIDATION(400, "validation-error", "The request is not valid"),
    MALFORMED_REQUEST(400, "malformed-request", "The request body could not be read"),
    UNAUTHORIZED(401, "unauthorized", "Missing or invalid credentials"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    /**
     * Another request wrote the same thing at the same moment: sending this one again may well succeed, so an
     * {@code Idempotency-Key} does not keep this answer.
     */
    CONCURRENT_UPDATE(409, "concurrent-update", "Changed by another request at the same moment"),
    IDEMPOTENCY_IN_PROGRESS(409, "idempotency-key-in-use", "A request with this Idempotency-Key is still in progress"),
    GONE(410, "gone", "Gone"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_MISMATCH(422, "idempotency-key-reused", "This Idempotency-Key was used with a different request body"),
    INTERNAL(500, "internal-error", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Temporarily unavailable");

    private static final String BASE = "https://livecue.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for an HTTP status raised by the framework itself (unknown route, wrong method, ...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != IDEMPOTENCY_IN_PROGRESS && type != CONCURRENT_UPDATE) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
