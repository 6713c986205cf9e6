package dev.livecue.core.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
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

    /**
     * SEQUENCE counts seconds from here to an event's last revision: it must rise with every change a subscriber
     * should take (RFC 5545 3.8.7.4; clients ignore an event whose SEQUENCE is not above the one they hold), and
     * a change can undo another (a move back, a vacation ended), so no count derived from the current state alone
     * would do. An int holds the seconds until 2093.
     */
    static final Instant SEQUENCE_EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * An occurrence with the schedule it belongs to and its last revision: the later of the occurrence's own and
     * the last time the creator's vacation was set or ended.
     */
    record Entry(Occurrence occurrence, Schedule schedule, Instant revisedAt) {

        Entry(Occurrence occurrence, Schedule schedule, Optional<Instant> vacationChangedAt) {
            this(occurrence, schedule, vacationChangedAt.filter(at -> at.isAfter(occurrence.revisedAt()))
                    .orElse(occurrence.revisedAt()));
        }
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
        Map<String, VTimeZone> definitions = new LinkedHashMap<>();
        entries.forEach(e -> definitions.computeIfAbsent(e.occurrence().timeZone(), zone -> ZONES.getTimeZone(zone).getVTimeZone()));
        // an alias and the zone it links to (US/Eastern, America/New_York) share one definition: one VTIMEZONE
        Map<String, VTimeZone> byTzid = new LinkedHashMap<>();
        definitions.values().forEach(definition -> byTzid.putIfAbsent(definition.getTimeZoneId().getValue(), definition));
        byTzid.values().forEach(calendar::add);
        String link = LiveLinks.live(handle);
        for (Entry entry : entries) {
            calendar.add(event(entry, tzid(definitions.get(entry.occurrence().timeZone())), link, now));
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
     * The zone's local time with its TZID, written as is: handed a {@code ZonedDateTime}, ical4j converts it into
     * the zone its own VTIMEZONE reading makes, which for zones whose last DST rule ended long ago (Tokyo, Moscow,
     * Mexico City and ~70 more) is an hour off, so a 19:00 live was published at 20:00. In the hour a fall-back
     * repeats, the instant in UTC instead: RFC 5545 reads such a local time as its first occurrence, but ical.js
     * and node-ical (and with them many subscribers) take the second, showing the live an hour late.
     */
    private static Temporal dateTime(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return zone.getRules().getValidOffsets(local).size() > 1 ? at : local;
    }

    private static ParameterList zoned(Temporal dateTime, ZoneId zone) {
        return new ParameterList(dateTime instanceof Instant ? List.of() : List.of(new TzId(zone.getId())));
    }

    /**
     * The zone an event's times are written in: the one its VTIMEZONE defines. ical4j defines an alias such as
     * US/Eastern or Asia/Calcutta under the zone it links to, and a TZID naming no VTIMEZONE in the file is read
     * as floating time by ical.js (hours off); the two have the same rules, so the instants do not change.
     */
    private static ZoneId tzid(VTimeZone definition) {
        return ZoneId.of(definition.getTimeZoneId().getValue());
    }

    private static VEvent event(Entry entry, ZoneId zone, String link, Instant now) {
        Occurrence o = entry.occurrence();
        Schedule schedule = entry.schedule();
        Temporal start = dateTime(o.start(), zone);
        Temporal end = dateTime(o.end(), zone);
        VEvent event = new VEvent(false);
        event.add(new DtStart<>(zoned(start, zone), start));
        event.add(new DtEnd<>(zoned(end, zone), end));
        event.add(new Summary(o.title()));
        event.replace(new DtStamp(now));
        event.add(new Uid(o.occurrenceId() + UID_DOMAIN));
        event.add(new Sequence((int) Math.max(0, Duration.between(SEQUENCE_EPOCH, entry.revisedAt()).toSeconds())));
        event.add(new LastModified(entry.revisedAt()));
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
