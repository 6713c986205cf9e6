package dev.livecue.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Every time zone the API accepts must reach a subscriber's calendar as the same instant: the feed has to define
 * each TZID it writes. Checked over the whole list Java knows, so a zone ical4j cannot describe is refused at the
 * door rather than breaking a creator's feed later.
 */
class IcsFeedZonesTest {

    private static final LocalDateTime LOCAL_START = LocalDateTime.parse("2027-07-01T19:00");
    private static final Instant NOW = Instant.parse("2027-06-01T00:00:00Z");
    private static final DateTimeFormatter ICAL_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    @Test
    void everyAcceptedZone_shouldBeDefinedInTheFeed_atTheApisInstant() throws Exception {
        List<String> accepted = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                .filter(zone -> Fields.timeZone(new Violations(), "timeZone", zone).isPresent()).toList();
        assertTrue(accepted.size() > 500, "the IANA Area/Location zones are accepted: " + accepted.size());

        List<String> wrong = new ArrayList<>();
        for (String zone : accepted) {
            Instant start = LOCAL_START.atZone(ZoneId.of(zone)).toInstant();
            Calendar calendar = new CalendarBuilder().build(new StringReader(
                    IcsFeed.render("Lives", "nightowl", List.of(entry(zone, start)), NOW)));
            Set<String> defined = calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                    .map(definition -> definition.getTimeZoneId().getValue()).collect(Collectors.toSet());
            VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
            String tzid = event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue();
            // the written local time in the named zone, as a calendar app that knows the zone by name reads it
            // (ical4j's own reading of its older VTIMEZONEs, such as Tokyo's, is off by their last DST rule)
            Instant written = LocalDateTime.parse(event.getDateTimeStart().getValue(), ICAL_LOCAL).atZone(ZoneId.of(tzid)).toInstant();
            if (!defined.contains(tzid) || !written.equals(start)) {
                wrong.add(zone + " -> TZID " + tzid + " (defined " + defined + "), " + written + " instead of " + start);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void anAliasAndItsZone_shouldShareOneVtimezone() throws Exception {
        Instant start = LOCAL_START.atZone(ZoneId.of("America/New_York")).toInstant();
        String ics = IcsFeed.render("Lives", "nightowl",
                List.of(entry("US/Eastern", start), entry("America/New_York", start.plusSeconds(86_400))), NOW);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertEquals(List.of("America/New_York"), calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .map(definition -> definition.getTimeZoneId().getValue()).toList());
        assertTrue(ics.contains("DTSTART;TZID=America/New_York:20270701T190000\r\n"), ics);
        assertTrue(ics.contains("DTSTART;TZID=America/New_York:20270702T190000\r\n"), ics);
    }

    @Test
    void zonesTheTzDatabaseDropped_shouldBeRefused() {
        for (String zone : List.of("SystemV/EST5", "SystemV/PST8PDT", "EST5EDT", "+02:00", "GMT+1")) {
            Violations v = new Violations();
            assertTrue(Fields.timeZone(v, "timeZone", zone).isEmpty(), zone);
            assertTrue(!v.isEmpty(), zone);
        }
    }

    private static IcsFeed.Entry entry(String zone, Instant start) {
        Schedule schedule = new Schedule("sch_1", "Night live", null, null, List.of(), LOCAL_START, zone, 60, null,
                List.of("PT1H"), true, NOW, NOW, 1);
        Occurrence occurrence = new Occurrence("sch_1." + start, "sch_1", "Night live", start, start.plusSeconds(3600),
                LOCAL_START.toString(), zone, 60, OccurrenceStatus.SCHEDULED, null, null, NOW, 0);
        return new IcsFeed.Entry(occurrence, schedule, NOW);
    }
}
