package dev.livecue.core.jobs;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;

/**
 * The loop of a job that works off one kind of creator-owned item in the due-work index: read the minutes since
 * the job's cursor ({@link CatchUpWindows}), hand each item's creator and id to the job, move the cursor on.
 */
@ApplicationScoped
public class DueWork {

    /** What a job does with one due item; true when it counts (was abandoned, recorded, ...). */
    @FunctionalInterface
    public interface Handler {
        boolean handle(String creatorId, String id, Instant now);
    }

    private final DueIndex due;
    private final CatchUpWindows windows;

    DueWork(DueIndex due, CatchUpWindows windows) {
        this.due = due;
        this.windows = windows;
    }

    /**
     * Runs {@code job} over the items whose index sort key is {@code kindPrefix} + id, counting the handled ones
     * as {@code counter}.
     */
    public JobResult run(String job, String kindPrefix, String counter, Instant now, Handler handler) {
        long started = System.nanoTime();
        CatchUpWindows.Window window = windows.open(job, now);
        long handled = 0;
        for (DueIndex.Due item : window.read(due, kindPrefix)) {
            String creatorId = item.pk().substring(Keys.creator("").length());
            if (handler.handle(creatorId, item.indexSk().substring(kindPrefix.length()), now)) {
                handled++;
            }
        }
        windows.close(window);
        return new JobResult(job, Map.of(counter, handled), (System.nanoTime() - started) / 1_000_000, null);
    }
}
