package dev.livecue.core.jobs;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a dispatcher tick spends its time ({@code livecue.jobs.*}, or {@code LIVECUE_JOBS_*} environment variables). */
@ConfigMapping(prefix = "livecue.jobs")
public interface JobsConfig {

    /**
     * How long after its start a tick may keep starting work, across all its jobs; what is left stays due for the
     * next tick, so a backlog never runs a Lambda into its timeout (70 s in template.yaml: 50 s plus a 15 s
     * webhook attempt in flight leaves 5 s for its last writes; a batch stops between sends, not after it).
     */
    @WithDefault("PT50S")
    Duration tickBudget();

    /** How many due items one job works on at the same time (DynamoDB calls; webhook sends have their own limit). */
    @WithDefault("16")
    int concurrency();
}
