package dev.livecue.core.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /v1/sessions/{id}/close}: why the live ends ({@code planned} when left out). */
@Schema(additionalProperties = Schema.False.class)
public record CloseRequest(String reason) {
}
