package dev.livecue.core.schedule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.livecue.core.reminder.Reminder;

/**
 * A schedule as the API answers it: its fields, its next five occurrences, its warnings, and (for a single
 * schedule) the reminders pending for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleDetails(@JsonUnwrapped Schedule schedule, List<Occurrence> nextOccurrences,
        List<Warning> warnings, List<Reminder> pendingReminders) {
}
