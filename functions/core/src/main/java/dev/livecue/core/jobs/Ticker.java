package dev.livecue.core.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import dev.livecue.core.store.DynamoMeter;

/**
 * Runs every {@link ScheduledJob} once for one tick. The Lambda handler and the local scheduler both call this,
 * so the dispatcher behaves the same on a laptop and in AWS. One job's failure is logged and reported, and the
 * others still run: a broken sweep must never hold back due reminders.
 */
@ApplicationScoped
public class Ticker {

    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final Instance<ScheduledJob> jobs;
    private final Clock clock;
    private final JobsConfig config;
    private final DynamoMeter meter;

    Ticker(Instance<ScheduledJob> jobs, Clock clock, JobsConfig config, DynamoMeter meter) {
        this.jobs = jobs;
        this.clock = clock;
        this.config = config;
        this.meter = meter;
    }

    public TickReport tick() {
        Instant now = clock.instant();
        Tick tick = Tick.of(now, config.tickBudget());
        List<ScheduledJob> ordered = jobs.stream().sorted(Comparator.comparingInt(ScheduledJob::order)).toList();
        List<JobResult> results = new ArrayList<>();
        for (ScheduledJob job : ordered) {
            long started = System.nanoTime();
            DynamoMeter.Reading before = meter.read();
            JobResult result;
            try {
                result = job.run(tick);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Job %s failed on tick %s", job.name(), now);
                result = new JobResult(job.name(), Map.of(), elapsedMillis(started), e.toString());
            }
            results.add(result.metered(meter.read().since(before)));
        }
        TickReport report = new TickReport(now, results);
        LOG.infof("Tick %s: %s", now, results);
        return report;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
