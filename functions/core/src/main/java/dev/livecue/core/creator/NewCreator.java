package dev.livecue.core.creator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.livecue.core.validation.Fields;

/** Body of {@code POST /v1/creators}. */
@Schema(additionalProperties = Schema.False.class)
public record NewCreator(
        @Schema(required = true, description = "2 to 30 letters, digits, dots or underscores (kept in lower case)",
                pattern = "^\\s*[A-Za-z0-9._]{2,30}\\s*$") String handle,
        @Schema(minLength = 1, maxLength = CreatorService.MAX_DISPLAY_NAME, description = "default: the handle") String displayName,
        @Schema(required = true, description = "IANA time zone", example = "America/New_York") String timeZone,
        @Schema(description = CreatorService.LOCALE_RULE + " (default en-US)", example = "en-US", maxLength = Fields.MAX_LOCALE,
                pattern = CreatorService.LOCALE_PATTERN) String locale) {
}
