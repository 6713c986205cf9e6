package dev.livecue.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.livecue.core.schedule.Vacation;

class MakeUpSlotTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void suggest_shouldBeTomorrowAtSameLocalTime_whenTomorrowIsFree() {
        MakeUpSlot slot = MakeUpSlot.suggest(LocalDate.parse("2026-12-04"), LocalTime.of(19, 0), LA, HOUR, List.of(), Optional.empty()).orElseThrow();

        assertEquals("2026-12-05T19:00", slot.localStart());
        assertEquals(Instant.parse("2026-12-06T03:00:00Z"), slot.start());
        assertEquals("America/Los_Angeles", slot.timeZone());
        assertEquals(60, slot.durationMinutes());
    }

    @Test
    void suggest_shouldSkipDaysWithAPlannedLive() {
        // GIVEN lives planned tomorrow at 19:30 (overlapping) and the day after at 19:00
        List<MakeUpSlot.Busy> planned = List.of(
                new MakeUpSlot.Busy(Instant.parse("2026-12-06T03:30:00Z"), HOUR),
                new MakeUpSlot.Busy(Instant.parse("2026-12-07T03:00:00Z"), HOUR));

        MakeUpSlot slot = MakeUpSlot.suggest(LocalDate.parse("2026-12-04"), LocalTime.of(19, 0), LA, HOUR, planned, Optional.empty()).orElseThrow();

        assertEquals("2026-12-07T19:00", slot.localStart());
    }

    @Test
    void suggest_shouldKeepWallClockTime_acrossDstChange() {
        // Saturday 2026-03-07 19:00 PST; Sunday the clocks go forward, so 19:00 PDT is 02:00 UTC
        MakeUpSlot slot = MakeUpSlot.suggest(LocalDate.parse("2026-03-07"), LocalTime.of(19, 0), LA, HOUR, List.of(), Optional.empty()).orElseThrow();

        assertEquals(Instant.parse("2026-03-09T02:00:00Z"), slot.start());
    }

    @Test
    void suggest_shouldSkipTheCreatorsVacation() {
        // GIVEN an interruption on Friday 2026-12-04 and a vacation over the weekend
        Optional<Vacation> weekend = Optional.of(new Vacation(LocalDate.parse("2026-12-05"), LocalDate.parse("2026-12-06")));

        MakeUpSlot slot = MakeUpSlot.suggest(LocalDate.parse("2026-12-04"), LocalTime.of(19, 0), LA, HOUR, List.of(), weekend)
                .orElseThrow();

        // THEN the make-up is on Monday, the first day back
        assertEquals("2026-12-07T19:00", slot.localStart());
    }

    @Test
    void suggest_shouldBeEmpty_whenEveryDayIsTaken() {
        List<MakeUpSlot.Busy> daily = new ArrayList<>();
        for (int day = 1; day <= MakeUpSlot.SEARCH_DAYS; day++) {
            daily.add(new MakeUpSlot.Busy(LocalDateTime.of(LocalDate.parse("2026-12-04").plusDays(day), LocalTime.of(19, 0))
                    .atZone(LA).toInstant(), HOUR));
        }

        assertTrue(MakeUpSlot.suggest(LocalDate.parse("2026-12-04"), LocalTime.of(19, 0), LA, HOUR, daily, Optional.empty()).isEmpty());
    }
}
