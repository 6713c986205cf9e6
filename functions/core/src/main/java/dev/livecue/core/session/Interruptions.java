package dev.livecue.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.events.EventTypes;
import dev.livecue.core.schedule.CreatorContext;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.VacationService;
import dev.livecue.core.validation.Violations;

/**
 * A live that broke off (dropped connection, app crash): it ends as {@code interrupted} at once, announced by
 * {@code session.interrupted} with a suggested make-up slot (see {@link MakeUpSlot#suggest}): the same wall-clock
 * time as the planned live (or as the start of an unscheduled one, in the creator's zone) on the next day that has
 * no live planned at that time.
 */
@ApplicationScoped
public class Interruptions {

    public static final List<String> REASONS = List.of("connection", "crash", "other");
    /** Length of a make-up for an unscheduled live. */
    static final Duration DEFAULT_LENGTH = Duration.ofMinutes(60);

    private final SessionService sessions;
    private final SessionEndings endings;
    private final PlannedLives planned;
    private final VacationService vacations;
    private final Clock clock;

    Interruptions(SessionService sessions, SessionEndings endings, PlannedLives planned, VacationService vacations,
            Clock clock) {
        this.sessions = sessions;
        this.endings = endings;
        this.planned = planned;
        this.vacations = vacations;
        this.clock = clock;
    }

    /** Ends a live session as interrupted; interrupting it again answers the same. */
    public Session interrupt(String creatorId, String sessionId, InterruptRequest request) {
        String reason = request == null || request.reason() == null ? "connection" : request.reason();
        Violations v = new Violations();
        v.check(REASONS.contains(reason), "reason", "must be one of " + REASONS);
        v.throwIfAny();
        Session current = sessions.get(creatorId, sessionId);
        if (current.status() == SessionStatus.INTERRUPTED) {
            return current;
        }
        CloseOut.requireLive(current);
        Instant now = clock.instant();
        Session interrupted = current.ended(SessionStatus.INTERRUPTED, reason, now, null, null, null,
                makeUp(creatorId, current, now).orElse(null));
        return endings.end(creatorId, current, interrupted, EventTypes.SESSION_INTERRUPTED,
                        s -> s.status() == SessionStatus.INTERRUPTED)
                .orElseThrow(() -> SessionEndings.changedMeanwhile(sessionId));
    }

    private Optional<MakeUpSlot> makeUp(String creatorId, Session session, Instant now) {
        Optional<Occurrence> occurrence = session.occurrenceId() == null ? Optional.empty()
                : planned.find(creatorId, session.occurrenceId());
        CreatorContext context = vacations.creatorContext(creatorId);
        ZoneId zone = ZoneId.of(occurrence.map(Occurrence::timeZone).orElseGet(() -> context.creator().timeZone()));
        LocalTime time = occurrence.map(o -> LocalDateTime.parse(o.localStart()).toLocalTime())
                .orElseGet(() -> session.startedAt().atZone(zone).toLocalTime().withSecond(0).withNano(0));
        Duration length = occurrence.map(o -> Duration.ofMinutes(o.durationMinutes())).orElse(DEFAULT_LENGTH);
        List<MakeUpSlot.Busy> busy = planned.between(creatorId, now, now.plus(Duration.ofDays(MakeUpSlot.SEARCH_DAYS + 2)))
                .stream().filter(o -> o.status().upcoming())
                .map(o -> new MakeUpSlot.Busy(o.start(), Duration.ofMinutes(o.durationMinutes())))
                .toList();
        return MakeUpSlot.suggest(now.atZone(zone).toLocalDate(), time, zone, length, busy, context.vacation());
    }
}
