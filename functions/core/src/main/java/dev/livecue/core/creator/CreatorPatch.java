package dev.livecue.core.creator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.validation.MergePatch;
import dev.livecue.core.validation.Violations;

/**
 * Body of {@code PATCH /v1/me} (JSON merge patch): a field left out is unchanged (null here); a field sent as
 * null resets it to its default (an empty Optional).
 */
public record CreatorPatch(Optional<String> displayName, Optional<String> timeZone, Optional<String> locale,
        Optional<String> followCta, Optional<List<String>> defaultReminders, Optional<Integer> replayDays) {

    private static final Set<String> FIELDS = Set.of("displayName", "timeZone", "locale", "followCta",
            "defaultReminders", "replayDays");

    static CreatorPatch read(JsonNode body, Violations v) {
        MergePatch patch = new MergePatch(body, FIELDS, v);
        return new CreatorPatch(patch.string("displayName"), patch.string("timeZone"), patch.string("locale"),
                patch.string("followCta"), patch.strings("defaultReminders"), patch.integer("replayDays"));
    }
}
