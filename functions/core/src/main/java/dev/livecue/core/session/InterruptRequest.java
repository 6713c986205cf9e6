package dev.livecue.core.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/sessions/{id}/interrupt}: what broke the live ({@code connection} when left out). */
@Schema(additionalProperties = Schema.False.class)
public record InterruptRequest(String reason) {
}
