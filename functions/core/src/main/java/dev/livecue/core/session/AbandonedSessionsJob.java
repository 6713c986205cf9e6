package dev.livecue.core.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.SchedulesConfig;
import dev.livecue.core.jobs.DueWindow;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.SessionStore;
import dev.livecue.core.store.TickCursorStore;

/**
 * Every tick: closes as {@code abandoned} the sessions still live {@code livecue.sessions.abandon-after} (12 h) after
 * they started. Each live session is listed in the due-work index at that moment when it starts, so the sweep reads
 * only the sessions due, never the table. An abandoned session has no end time (nobody knows when the live really
 * stopped) and sends no event: a goodbye twelve hours late would only confuse the audience.
 */
@ApplicationScoped
public class AbandonedSessionsJob implements ScheduledJob {

    static final String NAME = "abandoned-sessions";
    static final String REASON = "abandoned";

    private final DueIndex due;
    private final TickCursorStore cursors;
    private final SessionStore store;
    private final SessionEndings endings;
    private final SchedulesConfig schedules;

    AbandonedSessionsJob(DueIndex due, TickCursorStore cursors, SessionStore store, SessionEndings endings,
            SchedulesConfig schedules) {
        this.due = due;
        this.cursors = cursors;
        this.store = store;
        this.endings = endings;
        this.schedules = schedules;
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
    public JobResult run(Instant now) {
        long started = System.nanoTime();
        DueWindow window = DueWindow.of(cursors.get(NAME), now, schedules.maxCatchUp());
        long abandoned = 0;
        for (DueIndex.Due item : due.due(Keys.SESSION_PREFIX, window.from(), window.to())) {
            String creatorId = item.pk().substring(Keys.creator("").length());
            Optional<Session> session = store.find(creatorId, item.sk().substring(Keys.SESSION_PREFIX.length()))
                    .filter(Session::isLive);
            if (session.isPresent() && endings.end(creatorId, session.get(),
                    session.get().ended(SessionStatus.ABANDONED, REASON, null, null, null, null, null), null,
                    s -> false).isPresent()) {
                abandoned++;
            }
        }
        cursors.advance(NAME, window.done());
        return new JobResult(NAME, Map.of("abandoned", abandoned), (System.nanoTime() - started) / 1_000_000, null);
    }
}
