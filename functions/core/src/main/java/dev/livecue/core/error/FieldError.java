package dev.livecue.core.error;

/** One invalid field of a request: {@code field} is a JSON path such as {@code start} or {@code stats.likes}. */
public record FieldError(String field, String message) {
}
