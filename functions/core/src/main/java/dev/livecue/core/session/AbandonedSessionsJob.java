package dev.livecue.core.session;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.events.EventTypes;
import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.SessionStore;

/**
 * Every tick: closes as {@code abandoned} the sessions still live {@code livecue.sessions.abandon-after} (12 h) after
 * they started. Each live session is listed in the due-work index at that moment when it starts, so the sweep reads
 * only the sessions due, never the table. An abandoned session has no end time (nobody knows when the live really
 * stopped) and raises {@code session.abandoned}, not {@code session.closed}: an automation keeping a log of lives
 * learns that this one is over, while one posting goodbyes is not set off twelve hours late. A live whose close is
 * being confirmed (its token still valid) is left to the creator and looked at again when the token expires.
 */
@ApplicationScoped
public class AbandonedSessionsJob implements ScheduledJob {

    static final String NAME = "abandoned-sessions";
    static final String REASON = "abandoned";

    private final DueWork work;
    private final SessionStore store;
    private final SessionEndings endings;

    AbandonedSessionsJob(DueWork work, SessionStore store, SessionEndings endings) {
        this.work = work;
        this.store = store;
        this.endings = endings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** After the reminder jobs: sweeps are the least urgent work of a tick. */
    @Override
    public int order() {
        return 70;
    }

    @Override
    public JobResult run(Tick tick) {
        return work.run(NAME, Keys.SESSION_PREFIX, "abandoned", tick, this::abandon);
    }

    /**
     * Closes the session if it is still live; a session that ended meanwhile is left as it is. One that still reads
     * as live after losing a race (DynamoDB saw another write to it under way) fails the item, so the sweep keeps
     * it listed and tries again next tick.
     */
    private boolean abandon(String creatorId, String sessionId, Instant now) {
        Optional<Session> live = store.find(creatorId, sessionId).filter(Session::isLive);
        if (live.isEmpty()) {
            return false;
        }
        Session current = live.get();
        Session.PendingClose pending = current.pendingClose();
        if (pending != null && now.isBefore(pending.expiresAt())) {
            // The creator is ending this live right now: abandoning it would refuse the confirmation and lose the
            // stats. The sweep looks again once the token expired.
            store.relistForSweep(creatorId, sessionId, pending.expiresAt());
            return false;
        }
        if (endings.end(creatorId, current, current.ended(SessionStatus.ABANDONED, REASON, null, null, null, null, null),
                EventTypes.SESSION_ABANDONED, s -> false).isPresent()) {
            return true;
        }
        if (store.find(creatorId, sessionId).filter(Session::isLive).isPresent()) {
            throw new IllegalStateException("Session " + sessionId + " was being written by another request; next tick");
        }
        return false;
    }
}
