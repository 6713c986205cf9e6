package dev.livecue.core.creator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.MergePatch;
import dev.livecue.core.validation.Violations;

/**
 * Body of {@code PATCH /v1/me} (JSON merge patch): a field left out is unchanged (null here); a field sent as
 * null resets it to its default (an empty Optional).
 */
@Schema(additionalProperties = Schema.False.class,
        description = "JSON merge patch (RFC 7396): a field left out is unchanged, null resets it to its default")
public record CreatorPatch(
        @Schema(minLength = 1, maxLength = CreatorService.MAX_DISPLAY_NAME) Optional<String> displayName,
        @Schema(description = "IANA time zone", example = "Europe/Berlin") Optional<String> timeZone,
        @Schema(description = CreatorService.LOCALE_RULE, maxLength = Fields.MAX_LOCALE, pattern = CreatorService.LOCALE_PATTERN)
        Optional<String> locale,
        @Schema(minLength = 1, maxLength = CreatorService.MAX_FOLLOW_CTA, description = "the goodbye's call to follow")
        Optional<String> followCta,
        @Schema(minItems = 1, maxItems = CreatorService.MAX_REMINDERS, description = "ISO 8601 offsets, PT5M to P7D")
        Optional<List<String>> defaultReminders,
        @Schema(minimum = "1", maximum = "" + CreatorService.MAX_REPLAY_DAYS) Optional<Integer> replayDays) {

    private static final Set<String> FIELDS = Set.of("displayName", "timeZone", "locale", "followCta",
            "defaultReminders", "replayDays");

    static CreatorPatch read(JsonNode body, Violations v) {
        MergePatch patch = new MergePatch(body, FIELDS, v);
        return new CreatorPatch(patch.string("displayName"), patch.string("timeZone"), patch.string("locale"),
                patch.string("followCta"), patch.strings("defaultReminders"), patch.integer("replayDays"));
    }
}
