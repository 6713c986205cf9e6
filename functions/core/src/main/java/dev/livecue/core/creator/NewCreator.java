package dev.livecue.core.creator;

/** Body of {@code POST /v1/creators}. */
public record NewCreator(String handle, String displayName, String timeZone, String locale) {
}
