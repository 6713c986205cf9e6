package dev.livecue.core.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sessions: close-out, sweeps ({@code livecue.sessions.*}, env {@code LIVECUE_SESSIONS_*}). */
@ConfigMapping(prefix = "livecue.sessions")
public interface SessionsConfig {

    /** How long a close confirmation token stays valid; after that the close must be prepared again (410). */
    @WithDefault("PT5M")
    Duration confirmationTtl();

    /**
     * A session still live this long after it started is past any plausible length: the sweep closes it as
     * {@code abandoned}. Applies to sessions started after a change of the setting.
     */
    @WithDefault("PT12H")
    Duration abandonAfter();

    /** A planned live with no session by this long after its planned end is recorded as {@code missed}. */
    @WithDefault("PT15M")
    Duration missedGrace();
}
