package dev.livecue.core.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A reminder announces itself under one event id, so a repeated firing repeats its webhook-id, not a new one. */
class ReminderEventIdTest {

    private static Reminder reminder(String id, Reminder.Status status) {
        Instant start = Instant.parse("2028-05-01T13:30:00Z");
        return new Reminder(id, "cr_1", "sch_1", "sch_1.2028-05-01", Reminder.Kind.REMINDER, "PT1H",
                start.minusSeconds(3600), start, status);
    }

    @Test
    void eventId_shouldBeTheSameForTheSameReminder_andDifferForAnother() {
        String first = ReminderDispatcher.eventId(reminder("sch_1.2028-05-01.PT1H", Reminder.Status.PENDING));

        assertEquals(first, ReminderDispatcher.eventId(reminder("sch_1.2028-05-01.PT1H", Reminder.Status.FIRED)));
        assertNotEquals(first, ReminderDispatcher.eventId(reminder("sch_1.2028-05-01.PT30M", Reminder.Status.PENDING)));
        assertTrue(first.matches("evt_[0-9a-f]{24}"), first);
    }
}
