package dev.livecue.core.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import dev.livecue.core.schedule.LiveLinks;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.schedule.Schedule;

/**
 * Writes the calendar feed with ical4j: one VEVENT per occurrence (not an RRULE, so skipped, moved and vacation
 * occurrences need no EXDATE/RECURRENCE-ID juggling in subscribers), DTSTART/DTEND with the occurrence's TZID (in
 * UTC inside a repeated fall-back hour, see {@link #dateTime}) and a VTIMEZONE for every zone used (ical4j's
 * definitions, compiled from the IANA tz database), UIDs made from the stable occurrence id, and ical4j's RFC 5545
 * output with CRLF line ends, its lines folded at 75 octets by {@link OctetFolding}.
 */
final class IcsFeed {

    static final String PRODID = "-//Livecue//Livecue Schedules 1.0//EN";
    static final String UID_DOMAIN = "@livecue.dev";
    private static final Duration REFRESH = Duration.ofHours(1);
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** An occurrence with the schedule it belongs to. */
    record Entry(Occurrence occurrence, Schedule schedule) {
    }

    private IcsFeed() {
    }

    static String render(String calendarName, String handle, List<Entry> entries, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new Name(calendarName));
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        calendar.add(new RefreshInterval(new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.Value("DURATION"))), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        Set<String> zones = new LinkedHashSet<>();
        entries.forEach(e -> zones.add(e.occurrence().timeZone()));
        zones.forEach(zone -> calendar.add(ZONES.getTimeZone(zone).getVTimeZone()));
        String link = LiveLinks.live(handle);
        for (Entry entry : entries) {
            calendar.add(event(entry, link, now));
        }
        StringWriter out = new StringWriter();
        try {
            // unfolded (ical4j folds by chars), then folded by octets
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return OctetFolding.fold(out.toString());
    }

    /**
     * The zone's local time with its TZID, except in the hour a fall-back repeats: RFC 5545 reads such a local time
     * as its first occurrence, but ical.js and node-ical (and with them many subscribers) take the second, showing
     * the live an hour late. The UTC form means the same instant to every reader.
     */
    private static Temporal dateTime(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return zone.getRules().getValidOffsets(local.toLocalDateTime()).size() > 1 ? at : local;
    }

    private static VEvent event(Entry entry, String link, Instant now) {
        Occurrence o = entry.occurrence();
        Schedule schedule = entry.schedule();
        ZoneId zone = ZoneId.of(o.timeZone());
        VEvent event = new VEvent(dateTime(o.start(), zone), dateTime(o.end(), zone), o.title());
        event.replace(new DtStamp(now));
        event.add(new Uid(o.occurrenceId() + UID_DOMAIN));
        // A changed schedule or a moved/cancelled occurrence must raise SEQUENCE so subscribers take the update.
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, schedule.version() + (o.status() == OccurrenceStatus.SCHEDULED ? 0 : 1))));
        event.add(new LastModified(schedule.updatedAt()));
        String description = schedule.description() == null ? "" : schedule.description() + "\n\n";
        event.add(new Description(description + "Watch live: " + link));
        event.add(new Url(URI.create(link)));
        if (!schedule.keywords().isEmpty()) {
            event.add(new Categories(new TextList(schedule.keywords())));
        }
        event.add(o.status() == OccurrenceStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
