package dev.livecue.core.schedule;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.livecue.core.validation.Fields;

/**
 * Body of {@code POST /v1/schedules}. Left-out fields take their defaults: {@code timeZone} the creator's,
 * {@code durationMinutes} 60, {@code reminders} the creator's {@code defaultReminders}, {@code promote} true.
 */
@Schema(additionalProperties = Schema.False.class)
public record NewSchedule(
        @Schema(required = true, minLength = 1, maxLength = ScheduleRules.MAX_TITLE) String title,
        @Schema(minLength = 1, maxLength = ScheduleRules.MAX_DESCRIPTION) String description,
        @Schema(description = "absolute http(s) URL", maxLength = ScheduleRules.MAX_URL, format = "uri") String thumbnailUrl,
        @Schema(maxItems = ScheduleRules.MAX_KEYWORDS, description = "each 1 to " + ScheduleRules.MAX_KEYWORD + " characters")
        List<String> keywords,
        @Schema(required = true, description = "local date-time in timeZone, in the future", example = "2027-06-04T19:00",
                pattern = Fields.LOCAL_DATE_TIME_PATTERN) String start,
        @Schema(description = "IANA time zone (default: the creator's)", example = "America/New_York") String timeZone,
        @Schema(minimum = "1", maximum = "" + ScheduleRules.MAX_DURATION_MINUTES) Integer durationMinutes,
        @Schema(description = "RFC 5545 RRULE, at least daily", example = "FREQ=WEEKLY;BYDAY=FR") String recurrence,
        @Schema(description = "ISO 8601 offsets before the start (default: the creator's)", example = "[\"PT1H\"]")
        List<String> reminders,
        Boolean promote) {
}
