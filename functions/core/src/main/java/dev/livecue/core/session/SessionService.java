package dev.livecue.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.SessionsConfig;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.idempotency.NewIds;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.store.ConcurrentUpdateException;
import dev.livecue.core.store.SessionStore;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Going live, and reading lives back. */
@ApplicationScoped
public class SessionService {

    /** How far ahead of our clock a phone's clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** A live that started longer ago than this is past any plausible length (see the abandoned-session sweep). */
    static final Duration MAX_BACKDATE = Duration.ofHours(12);
    /** How early a live may start for a planned one (see {@link Occurrence#MAX_EARLY_LIVE}). */
    static final Duration MAX_EARLY = Occurrence.MAX_EARLY_LIVE;
    static final int MAX_OCCURRENCE_ID = 100;
    /** What a list cursor holds: a session's place in the creator's timeline. */
    private static final Pattern CURSOR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z#ses_[A-Za-z0-9_-]+");

    private final SessionStore store;
    private final PlannedLives planned;
    private final EventPublisher events;
    private final SessionsConfig config;
    private final NewIds ids;
    private final Clock clock;

    SessionService(SessionStore store, PlannedLives planned, EventPublisher events, SessionsConfig config, NewIds ids,
            Clock clock) {
        this.ids = ids;
        this.store = store;
        this.planned = planned;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a live now, or at {@code startedAt} when the app reports it late; publishes {@code session.started}.
     * A live for a planned occurrence takes its title and planned start (the delay is the difference, negative when
     * early), and the occurrence becomes {@code live}.
     */
    public Session start(String creatorId, NewSession request) {
        Instant now = clock.instant();
        String id = ids.next("ses_");
        return ids.once(() -> startNew(creatorId, id, request == null ? new NewSession(null, null) : request, now),
                () -> store.find(creatorId, id));
    }

    private Session startNew(String creatorId, String id, NewSession body, Instant now) {
        Violations v = new Violations();
        String occurrenceId = body.occurrenceId() == null ? null
                : Fields.text(v, "occurrenceId", body.occurrenceId(), MAX_OCCURRENCE_ID).orElse(null);
        Instant startedAt = body.startedAt() == null ? ids.now(now) : Fields.instant(v, "startedAt", body.startedAt()).orElse(now);
        v.check(!startedAt.isAfter(now.plus(CLOCK_SKEW)), "startedAt", "must not be in the future");
        v.check(!startedAt.isBefore(now.minus(MAX_BACKDATE)), "startedAt", "must be within the last " + MAX_BACKDATE.toHours() + " hours");
        Optional<Occurrence> occurrence = Optional.empty();
        if (occurrenceId != null && v.isEmpty()) {
            occurrence = planned.find(creatorId, occurrenceId);
            // the same answer for an unknown id and another creator's: nothing about others leaks
            v.check(occurrence.isPresent(), "occurrenceId", "is not one of your planned lives");
            occurrence.ifPresent(o -> v.check(o.status() != OccurrenceStatus.CANCELLED, "occurrenceId",
                    "is cancelled; go live without an occurrenceId, or plan the live again"));
            occurrence.filter(o -> o.status() != OccurrenceStatus.CANCELLED).ifPresent(o -> v.check(
                    !startedAt.isBefore(o.start().minus(MAX_EARLY)), "occurrenceId", "is planned for " + o.start()
                            + "; a live can start for it from " + MAX_EARLY.toHours() + " hours before, so go live"
                            + " without an occurrenceId or pick the planned live that is due"));
        }
        v.throwIfAny();
        if (occurrence.filter(o -> o.status() == OccurrenceStatus.LIVE).isPresent()) {
            throw ApiException.conflict("Occurrence " + occurrenceId + " is live in another session already; close or"
                    + " interrupt that one first (GET /v1/sessions lists it)");
        }

        Session session = occurrence
                .map(o -> Session.started(id, o.occurrenceId(), o.title(), o.start(), startedAt,
                        (int) Math.round(Duration.between(o.start(), startedAt).toSeconds() / 60.0)))
                .orElseGet(() -> Session.started(id, null, null, null, startedAt, null));
        EventPublisher.Prepared started = events.prepare(creatorId, EventTypes.SESSION_STARTED, session);
        // a live reported late is still listed ahead of the sweep's cursor, never in a minute it already finished
        Instant abandonAt = startedAt.plus(config.abandonAfter());
        List<TransactWriteItem> alongside = new ArrayList<>(List.of(started.write()));
        occurrence.flatMap(o -> planned.liveWrite(creatorId, o, now)).ifPresent(alongside::add);
        try {
            store.create(creatorId, session, abandonAt.isBefore(now) ? now : abandonAt, alongside);
        } catch (ConcurrentUpdateException e) {
            throw ApiException.concurrentUpdate("Other requests were writing this live's planned occurrence at the same moment;"
                    + " nothing was started, send this request again");
        }
        return session;
    }

    public Session get(String creatorId, String sessionId) {
        return store.find(creatorId, sessionId).orElseThrow(() -> ApiException.notFound("Session " + sessionId));
    }

    /** The lives that started in [from, to) (default: the last 30 days), most recent page by page from the first. */
    public Page<Session> list(String creatorId, String from, String to, PageRequest page) {
        Window window = Window.parse(from, to, clock.instant());
        if (page.after().isPresent() && !CURSOR.matcher(page.after().get()).matches()) {
            throw ApiException.invalid("cursor", "is not a cursor of this list");
        }
        return store.list(creatorId, window.from(), window.to(), page);
    }
}
