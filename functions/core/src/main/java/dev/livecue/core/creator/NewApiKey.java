package dev.livecue.core.creator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST /v1/api-keys}: a label such as "zapier". */
@Schema(additionalProperties = Schema.False.class)
public record NewApiKey(@Schema(minLength = 1, maxLength = ApiKeyService.MAX_NAME) String name) {
}
