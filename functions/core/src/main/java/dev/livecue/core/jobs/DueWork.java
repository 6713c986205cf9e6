package dev.livecue.core.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;

/**
 * The loop of every job that works off one kind of creator-owned item in the due-work index: read the minutes
 * since the job's cursor ({@link CatchUpWindows}), work on the items several at a time within what is left of the
 * tick's budget ({@link BoundedWork}), and move the cursor on only when every item was handled, so what a tick
 * leaves (or fails on) is read again by the next.
 */
@ApplicationScoped
public class DueWork {

    /** What a job does with one due item, given its creator and the id after the index key's kind prefix. */
    @FunctionalInterface
    public interface Handler {
        /** True when the item counts (was planned, abandoned, recorded, ...). */
        boolean handle(String creatorId, String id, Instant now);
    }

    private final DueIndex due;
    private final CatchUpWindows windows;
    private final JobsConfig config;

    DueWork(DueIndex due, CatchUpWindows windows, JobsConfig config) {
        this.due = due;
        this.windows = windows;
        this.config = config;
    }

    /**
     * Runs {@code job} over the items whose index sort key is {@code kindPrefix} + id, counting the handled ones
     * as {@code counter}.
     */
    public JobResult run(String job, String kindPrefix, String counter, Tick tick, Handler handler) {
        return run(job, kindPrefix, tick, config.concurrency(), item -> handler.handle(Keys.creatorOf(item.pk()),
                item.indexSk().substring(kindPrefix.length()), tick.now()) ? counter : null);
    }

    /** Runs {@code task} on as many threads as {@code livecue.jobs.concurrency} allows. */
    public JobResult run(String job, String kindPrefix, Tick tick, Function<DueIndex.Due, String> task) {
        return run(job, kindPrefix, tick, config.concurrency(), task);
    }

    /**
     * Runs {@code task} on {@code threads} threads over the due items of {@code kindPrefix}; each item is counted
     * under the label the task returns (none for null).
     */
    public JobResult run(String job, String kindPrefix, Tick tick, int threads, Function<DueIndex.Due, String> task) {
        return runWindow(job, kindPrefix, tick, items -> BoundedWork.run(job, items, threads, tick.left(), task));
    }

    /**
     * Runs {@code task} over the due items of {@code kindPrefix} in batches of up to {@code batchSize}, as many at
     * once as {@code livecue.jobs.concurrency} allows, for a job that reads its items in batch calls; see
     * {@link BoundedWork#runBatches} for what the task returns.
     */
    public JobResult runBatches(String job, String kindPrefix, Tick tick, int batchSize,
            Function<List<DueIndex.Due>, List<String>> task) {
        return runWindow(job, kindPrefix, tick, items -> {
            List<List<DueIndex.Due>> batches = new ArrayList<>();
            for (int from = 0; from < items.size(); from += batchSize) {
                batches.add(items.subList(from, Math.min(items.size(), from + batchSize)));
            }
            return BoundedWork.runBatches(job, batches, config.concurrency(), tick.left(), task);
        });
    }

    /** Reads the job's window, runs {@code work} on its items, and closes the window when all were handled. */
    private JobResult runWindow(String job, String kindPrefix, Tick tick, Function<List<DueIndex.Due>, BoundedWork.Result> work) {
        long started = System.nanoTime();
        CatchUpWindows.Window window = windows.open(job, tick.now());
        BoundedWork.Result result = work.apply(window.read(due, kindPrefix));
        if (result.complete()) {
            windows.close(window);
        }
        return new JobResult(job, result.report(), (System.nanoTime() - started) / 1_000_000, null);
    }
}
