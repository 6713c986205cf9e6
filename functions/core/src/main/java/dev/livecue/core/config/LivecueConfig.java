package dev.livecue.core.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by every Livecue function ({@code livecue.*}, or {@code LIVECUE_*} environment variables). */
@ConfigMapping(prefix = "livecue")
public interface LivecueConfig {

    /** Name of the single DynamoDB table (env {@code LIVECUE_TABLE}). */
    @WithDefault("livecue")
    String table();

    /**
     * Admin token that authorizes {@code POST /v1/creators} (env {@code LIVECUE_ADMIN_TOKEN}). Without one, that
     * endpoint answers 401 to everybody.
     */
    Optional<String> adminToken();

    /** Idempotency-Key handling. */
    Idempotency idempotency();

    interface Idempotency {
        /** How long a completed response is replayed for the same key. */
        @WithDefault("PT24H")
        Duration retention();

        /**
         * How long a request may hold its key before another attempt may take it over; a request that died
         * mid-way must not block its retries for the whole retention window.
         */
        @WithDefault("PT1M")
        Duration lease();
    }
}
