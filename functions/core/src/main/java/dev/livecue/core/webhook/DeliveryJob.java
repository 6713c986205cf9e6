package dev.livecue.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.jobs.DueWork;
import dev.livecue.core.jobs.JobResult;
import dev.livecue.core.jobs.ScheduledJob;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.store.Keys;

/**
 * Sends the deliveries that are due (new ones, retries, and ones whose dispatcher died holding their lease) with
 * bounded concurrency. Each is claimed with a conditional lease first, so dispatchers running at the same time never
 * send one twice.
 */
@ApplicationScoped
public class DeliveryJob implements ScheduledJob {

    public static final String NAME = "webhook-delivery";

    private final DueWork work;
    private final DeliveryEngine engine;
    private final WebhookConfig config;

    DeliveryJob(DueWork work, DeliveryEngine engine, WebhookConfig config) {
        this.work = work;
        this.engine = engine;
        this.config = config;
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
    public JobResult run(Tick tick) {
        DeliveryEngine.Pass pass = engine.pass();
        return work.run(NAME, Keys.DELIVERY_PREFIX, tick, config.concurrency(),
                due -> pass.deliver(due.pk(), due.sk()).map(Outcome::json).orElse("notOurs"));
    }
}
