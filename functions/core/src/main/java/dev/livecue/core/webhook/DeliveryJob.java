package dev.livecue.core.webhook;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.BoundedWork;
import dev.livecue.core.jobs.CatchUpWindows;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.TickBudget;
import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.Keys;

/**
 * Sends the deliveries that are due (new ones, retries, and ones whose dispatcher died holding their lease) with
 * bounded concurrency. Each is claimed with a conditional lease first, so dispatchers running at the same time never
 * send one twice.
 */
@ApplicationScoped
public class DeliveryJob implements ScheduledJob {

    public static final String NAME = "webhook-delivery";

    private final DueIndex index;
    private final CatchUpWindows windows;
    private final DeliveryEngine engine;
    private final WebhookConfig config;
    private final TickBudget budget;

    DeliveryJob(DueIndex index, CatchUpWindows windows, DeliveryEngine engine, WebhookConfig config, TickBudget budget) {
        this.index = index;
        this.windows = windows;
        this.engine = engine;
        this.config = config;
        this.budget = budget;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public JobResult run(Instant now) {
        long started = System.nanoTime();
        CatchUpWindows.Window window = windows.open(NAME, now);
        DeliveryEngine.Pass pass = engine.pass();
        BoundedWork.Result result = BoundedWork.run(NAME, window.read(index, Keys.DELIVERY_PREFIX),
                config.concurrency(), budget.left(now),
                due -> pass.deliver(due.pk(), due.sk()).map(Outcome::json).orElse("notOurs"));
        if (result.complete()) {
            windows.close(window);
        }
        return new JobResult(NAME, result.report(), (System.nanoTime() - started) / 1_000_000, null);
    }
}
