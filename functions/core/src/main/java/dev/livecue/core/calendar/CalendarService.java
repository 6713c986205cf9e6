package dev.livecue.core.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.config.SchedulesConfig;
import dev.livecue.core.creator.Creator;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.schedule.Occurrences;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.store.CalendarStore;
import dev.livecue.core.store.ScheduleStore;

/**
 * The public calendar feed. Its token is an unguessable capability (256 random bits) that a creator shares with
 * followers; it only reads the lives, and rotating it cuts off every old subscription at once.
 */
@ApplicationScoped
public class CalendarService {

    static final String TOKEN_PREFIX = "cal_";
    /** The feed shows the past week (so "what did I miss" works) and the next 366 days. */
    static final Duration PAST = Duration.ofDays(7);
    static final Duration AHEAD = Duration.ofDays(366);
    static final int MAX_EVENTS = 1000;

    private final CalendarStore store;
    private final ScheduleStore schedules;
    private final Occurrences occurrences;
    private final CreatorService creators;
    private final SchedulesConfig config;
    private final Clock clock;

    CalendarService(CalendarStore store, ScheduleStore schedules, Occurrences occurrences, CreatorService creators,
            SchedulesConfig config, Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.creators = creators;
        this.config = config;
        this.clock = clock;
    }

    /** The creator's feed link, issued on first use. */
    public CalendarFeed feed(String creatorId) {
        Optional<CalendarStore.FeedToken> current = store.current(creatorId);
        if (current.isPresent()) {
            return view(current.get());
        }
        return replace(creatorId, current);
    }

    /** A new token; the old one stops working at once. */
    public CalendarFeed rotate(String creatorId) {
        return replace(creatorId, store.current(creatorId));
    }

    /** The iCalendar text of the feed a token opens; 404 for an unknown or rotated-out token. */
    public String render(String token) {
        String creatorId = (token != null && token.startsWith(TOKEN_PREFIX) && token.length() <= 100
                ? store.owner(token) : Optional.<String>empty())
                .orElseThrow(() -> ApiException.notFound("Calendar feed"));
        Creator creator = creators.get(creatorId);
        Instant now = clock.instant();
        List<Schedule> all = schedules.all(creatorId);
        Map<String, Schedule> byId = all.stream().collect(Collectors.toMap(Schedule::id, Function.identity()));
        ScheduleStore.VacationState vacation = schedules.vacationState(creatorId);
        List<IcsFeed.Entry> entries = occurrences.all(creatorId, all, vacation.current(), now.minus(PAST), now.plus(AHEAD))
                .stream()
                .limit(MAX_EVENTS)
                .map(o -> new IcsFeed.Entry(o, byId.get(o.scheduleId()), vacation.changedAt()))
                .toList();
        return IcsFeed.render(creator.displayName() + " LIVE", creator.handle(), entries, now);
    }

    private CalendarFeed replace(String creatorId, Optional<CalendarStore.FeedToken> previous) {
        CalendarStore.FeedToken next = new CalendarStore.FeedToken(SecretTokens.random(TOKEN_PREFIX, 32), clock.instant());
        if (!store.replace(creatorId, previous, next)) {
            throw ApiException.concurrentUpdate("The feed token was changed by another request; read it again");
        }
        return view(next);
    }

    private CalendarFeed view(CalendarStore.FeedToken token) {
        String path = "/v1/calendar/" + token.token() + ".ics";
        return new CalendarFeed(token.token(), config.link(path), token.createdAt());
    }
}
