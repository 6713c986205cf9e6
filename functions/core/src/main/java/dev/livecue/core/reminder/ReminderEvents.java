package dev.livecue.core.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.livecue.core.creator.Creator;
import dev.livecue.core.schedule.LiveLinks;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.schedule.ScheduleWarnings;
import dev.livecue.core.schedule.Warning;

/** The {@code data} of the {@code live.reminder} and {@code live.checklist} events, built when they fire. */
final class ReminderEvents {

    /** {@code live.reminder}: for the audience side, with a ready-to-post text per platform. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LiveReminder(String scheduleId, String occurrenceId, String title, String description, String thumbnailUrl,
            List<String> keywords, Instant start, String localStart, String timeZone, String startsIn, String reminder,
            String liveUrl, Map<String, String> promotions) {
    }

    /** {@code live.checklist}: for the creator, before the live. */
    record LiveChecklist(String scheduleId, String occurrenceId, String title, String thumbnailUrl, Instant start,
            String localStart, String timeZone, String startsIn, List<Item> items) {
    }

    /** One thing to check; {@code link} and {@code warnings} where they help. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(String id, String text, String link, List<Warning> warnings) {
    }

    private ReminderEvents() {
    }

    static LiveReminder reminder(Creator creator, Schedule schedule, Occurrence o, Reminder reminder, Instant now) {
        String link = LiveLinks.live(creator.handle());
        Map<String, String> promotions = schedule.promote()
                ? Promotions.texts(o.title(), when(o, locale(creator)), link, schedule.description(), schedule.keywords())
                : Map.of();
        return new LiveReminder(o.scheduleId(), o.occurrenceId(), o.title(), schedule.description(),
                schedule.thumbnailUrl(), schedule.keywords(), o.start(), o.localStart(), o.timeZone(),
                startsIn(o, now), reminder.offset(), link, promotions);
    }

    static LiveChecklist checklist(Schedule schedule, Occurrence o, String connectionCheckUrl, Instant now) {
        List<Warning> warnings = ScheduleWarnings.content(schedule);
        List<Item> items = List.of(
                new Item("lighting", "Light your face from the front (a window or a ring light); no bright light behind you", null, List.of()),
                new Item("background", "Tidy what the camera sees and remove anything private from view", null, List.of()),
                new Item("internet", "Use a stable connection (Wi-Fi close to the router, or strong mobile data) and run a connection check", connectionCheckUrl, List.of()),
                new Item("title_and_thumbnail", warnings.isEmpty() ? "Title and thumbnail are ready"
                        : "Title and thumbnail: " + warnings.size() + " thing(s) to improve", null, warnings));
        return new LiveChecklist(o.scheduleId(), o.occurrenceId(), o.title(), schedule.thumbnailUrl(), o.start(),
                o.localStart(), o.timeZone(), startsIn(o, now), items);
    }

    /** The start in the occurrence's zone, in the creator's locale, e.g. "Fri, Dec 4, 2026, 7:00 PM EST". */
    static String when(Occurrence o, Locale locale) {
        ZonedDateTime at = o.start().atZone(ZoneId.of(o.timeZone()));
        return DateTimeFormatter.ofPattern("EEE", locale).format(at) + ", "
                + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).format(at)
                + " " + DateTimeFormatter.ofPattern("zzz", locale).format(at);
    }

    /** To the nearest minute: a PT6M reminder sent a second late still says the live is 6 minutes away. */
    private static String startsIn(Occurrence o, Instant now) {
        return Duration.between(now, o.start()).plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Locale locale(Creator creator) {
        return Locale.forLanguageTag(creator.locale());
    }
}
