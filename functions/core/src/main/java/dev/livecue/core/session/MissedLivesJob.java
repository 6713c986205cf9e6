package dev.livecue.core.session;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.SchedulesConfig;
import dev.livecue.core.jobs.DueWindow;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;
import dev.livecue.core.store.TickCursorStore;

/** Every tick: records the planned lives whose slot passed without a session as {@code missed}. */
@ApplicationScoped
public class MissedLivesJob implements ScheduledJob {

    static final String NAME = "missed-lives";

    private final DueIndex due;
    private final TickCursorStore cursors;
    private final MissedLives missed;
    private final SchedulesConfig schedules;

    MissedLivesJob(DueIndex due, TickCursorStore cursors, MissedLives missed, SchedulesConfig schedules) {
        this.due = due;
        this.cursors = cursors;
        this.missed = missed;
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
        long recorded = 0;
        for (DueIndex.Due item : due.due(Keys.SLOT_WATCH_PREFIX, window.from(), window.to())) {
            String creatorId = item.pk().substring(Keys.creator("").length());
            if (missed.check(creatorId, item.sk().substring(Keys.SLOT_WATCH_PREFIX.length()), now)) {
                recorded++;
            }
        }
        cursors.advance(NAME, window.done());
        return new JobResult(NAME, Map.of("missed", recorded), (System.nanoTime() - started) / 1_000_000, null);
    }
}
