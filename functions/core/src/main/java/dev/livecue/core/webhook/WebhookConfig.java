package dev.livecue.core.webhook;

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


    /** Subscriptions one creator may have; each one multiplies the deliveries of every event. */
    @WithDefault("20")
    int maxSubscriptions();
}
