package dev.livecue.core.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * Runs one job's items on a fixed number of threads, starting no new item once the time budget is spent: what is
 * left stays due for the next tick, so a backlog never runs a Lambda into its timeout. One failing item is logged
 * and counted; the others still run.
 */
public final class BoundedWork {

    private static final Logger LOG = Logger.getLogger(BoundedWork.class);
    /** How long in-flight items may run past the budget before the pool is abandoned. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    /** Counts by the label each item returned, plus {@code left} (not started or not finished) and {@code failed}. */
    public record Result(Map<String, Long> counts, long left, long failed) {

        public boolean complete() {
            return left == 0 && failed == 0;
        }

        /** The counts with {@code left} and {@code failed} added, for a {@link JobResult}. */
        public Map<String, Long> report() {
            Map<String, Long> all = new TreeMap<>(counts);
            all.put("left", left);
            all.put("failed", failed);
            return all;
        }
    }

    private BoundedWork() {
    }

    /** Runs {@code task} for each item; its result (null for none) is the label the item is counted under. */
    public static <T> Result run(String job, Collection<T> items, int threads, Duration budget, Function<T, String> task) {
        return runBatches(job, items.stream().map(List::of).toList(), threads, budget,
                batch -> Collections.singletonList(task.apply(batch.get(0))));
    }

    /**
     * Runs {@code task} for each batch of items, a batch per thread at a time. The task returns the labels of the
     * items it handled, in order (null for none); a shorter list than the batch means the rest were left (its time
     * ran out), and they count as left.
     */
    public static <T> Result runBatches(String job, List<List<T>> batches, int threads, Duration budget,
            Function<List<T>, List<String>> task) {
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        LongAdder finished = new LongAdder();
        LongAdder failed = new LongAdder();
        long items = batches.stream().mapToLong(List::size).sum();
        if (!batches.isEmpty()) {
            long deadline = System.nanoTime() + budget.toNanos();
            AtomicInteger threadNumber = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, batches.size()),
                    runnable -> new Thread(runnable, job + "-" + threadNumber.incrementAndGet()));
            for (List<T> batch : batches) {
                pool.execute(() -> {
                    if (System.nanoTime() - deadline > 0) {
                        return; // left for the next tick
                    }
                    try {
                        List<String> labels = task.apply(batch);
                        labels.stream().filter(Objects::nonNull)
                                .forEach(label -> counts.computeIfAbsent(label, k -> new LongAdder()).increment());
                        finished.add(Math.min(labels.size(), batch.size()));
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Job %s failed on %s", job, batch.size() == 1 ? batch.get(0) : batch.size() + " items");
                        failed.add(batch.size());
                    }
                });
            }
            awaitAll(job, pool, budget.plus(GRACE));
        }
        Map<String, Long> totals = new TreeMap<>();
        counts.forEach((label, count) -> totals.put(label, count.sum()));
        return new Result(totals, items - finished.sum() - failed.sum(), failed.sum());
    }

    private static void awaitAll(String job, ExecutorService pool, Duration limit) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.errorf("Job %s: items still running after %s; abandoning them", job, limit);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
