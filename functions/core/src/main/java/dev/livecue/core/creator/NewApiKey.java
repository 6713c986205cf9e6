package dev.livecue.core.creator;

/** Optional body of {@code POST /v1/api-keys}: a label such as "zapier". */
public record NewApiKey(String name) {
}
