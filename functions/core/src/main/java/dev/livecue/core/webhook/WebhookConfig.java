package dev.livecue.core.webhook;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outbound webhook settings ({@code livecue.webhooks.*}, or {@code LIVECUE_WEBHOOKS_*} environment variables). */
@ConfigMapping(prefix = "livecue.webhooks")
public interface WebhookConfig {

    /**
     * Allows {@code http} and loopback or private-network targets (env {@code LIVECUE_WEBHOOKS_ALLOW_PRIVATE}), for a
     * receiver on a laptop. Cloud metadata addresses stay blocked. True only in the local stack.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** How many deliveries one dispatcher sends at the same time. */
    @WithDefault("16")
    int concurrency();


    /**
     * How long a dispatcher holds a delivery it claimed: long enough for one attempt (15 s) and its bookkeeping
     * (attempts are recorded in batches, at most 5 s after the first of a batch plus the attempt in flight).
     * A dispatcher that dies frees its deliveries this soon; shorter than an attempt, a slow send may lose its
     * lease and the message be sent twice (with the same {@code webhook-id}).
     */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * Waits between the attempts of a failing delivery, before jitter (see {@link RetrySchedule}): one attempt
     * more than there are waits, then the message is dead-lettered. The default is the contract's schedule.
     */
    @WithDefault(RetrySchedule.CONTRACT)
    List<Duration> retryDelays();

    /** Subscriptions one creator may have; each one multiplies the deliveries of every event. */
    @WithDefault("20")
    int maxSubscriptions();
}
