package dev.livecue.core.schedule;

import java.util.List;

/**
 * Body of {@code POST /v1/schedules}. Left-out fields take their defaults: {@code timeZone} the creator's,
 * {@code durationMinutes} 60, {@code reminders} the creator's {@code defaultReminders}, {@code promote} true.
 */
public record NewSchedule(String title, String description, String thumbnailUrl, List<String> keywords, String start,
        String timeZone, Integer durationMinutes, String recurrence, List<String> reminders, Boolean promote) {
}
