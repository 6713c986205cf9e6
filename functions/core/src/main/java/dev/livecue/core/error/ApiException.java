package dev.livecue.core.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure that is the caller's to fix or know about; becomes a problem+json response. Services throw it;
 * they never build HTTP responses themselves.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ApiException(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** The same failure, answered with {@code Retry-After}: when sending the request again may succeed. */
    public ApiException retryAfter(Duration wait) {
        return new ApiException(type, getMessage(), errors, wait);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    /** Another request wrote the same item at the same moment; {@code detail} says what to do again. */
    public static ApiException concurrentUpdate(String detail) {
        return new ApiException(ProblemType.CONCURRENT_UPDATE, detail);
    }
}
