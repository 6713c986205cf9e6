package dev.livecue.sessions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import dev.livecue.core.schedule.NewSchedule;
import dev.livecue.core.schedule.OccurrenceIds;
import dev.livecue.core.schedule.ScheduleService;

/** Plans lives through the schedules service (this function does not serve /v1/schedules). */
final class Lives {

    private Lives() {
    }

    /** Plans a 60-minute live (a series when {@code rrule} is set) and answers the id of its first occurrence. */
    static String plan(ScheduleService schedules, String creatorId, String localStart, String timeZone, String rrule,
            String title) {
        String scheduleId = schedules.create(creatorId, new NewSchedule(title, null, null, List.of("live"), localStart,
                timeZone, 60, rrule, List.of("PT10M"), false)).schedule().id();
        return occurrence(scheduleId, LocalDateTime.parse(localStart).toLocalDate());
    }

    static String occurrence(String scheduleId, LocalDate date) {
        return OccurrenceIds.of(scheduleId, date);
    }
}
