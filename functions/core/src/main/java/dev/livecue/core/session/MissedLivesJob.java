package dev.livecue.core.session;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.Keys;

/** Every tick: records the planned lives whose slot passed without a session as {@code missed}. */
@ApplicationScoped
public class MissedLivesJob implements ScheduledJob {

    static final String NAME = "missed-lives";

    private final DueWork work;
    private final MissedLives missed;

    MissedLivesJob(DueWork work, MissedLives missed) {
        this.work = work;
        this.missed = missed;
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
        return work.run(NAME, Keys.SLOT_WATCH_PREFIX, "missed", tick, missed::check);
    }
}
