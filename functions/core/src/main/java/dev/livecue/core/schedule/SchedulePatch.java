package dev.livecue.core.schedule;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.validation.MergePatch;
import dev.livecue.core.validation.Violations;

/**
 * Body of {@code PATCH /v1/schedules/{id}} (JSON merge patch) applied to the current schedule: a left-out field
 * keeps its value; null resets an optional one (description, thumbnail, keywords, recurrence: the series becomes
 * a one-off; reminders: the creator's defaults). The result is validated like a new schedule.
 */
final class SchedulePatch {

    private static final Set<String> FIELDS = Set.of("title", "description", "thumbnailUrl", "keywords", "start",
            "timeZone", "durationMinutes", "recurrence", "reminders", "promote");

    private SchedulePatch() {
    }

    /** The schedule as a request, with the patch applied; {@code v} collects type errors and unknown fields. */
    static NewSchedule apply(Schedule current, JsonNode body, Violations v) {
        MergePatch patch = new MergePatch(body, FIELDS, v);
        return new NewSchedule(
                required(v, "title", patch.string("title"), current.title()),
                or(patch.string("description"), current.description()),
                or(patch.string("thumbnailUrl"), current.thumbnailUrl()),
                or(patch.strings("keywords"), current.keywords()),
                required(v, "start", patch.string("start"), current.start().toString()),
                required(v, "timeZone", patch.string("timeZone"), current.timeZone()),
                or(patch.integer("durationMinutes"), current.durationMinutes()),
                or(patch.string("recurrence"), current.recurrence()),
                or(patch.strings("reminders"), current.reminders()),
                or(patch.bool("promote"), current.promote()));
    }

    private static <T> T or(Optional<T> sent, T current) {
        return sent == null ? current : sent.orElse(null);
    }

    private static String required(Violations v, String field, Optional<String> sent, String current) {
        if (sent != null && sent.isEmpty()) {
            v.add(field, "cannot be removed");
        }
        return sent == null || sent.isEmpty() ? current : sent.get();
    }
}
