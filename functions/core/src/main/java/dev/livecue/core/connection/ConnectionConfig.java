package dev.livecue.core.connection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Thresholds and rules of connection checks ({@code livecue.connection.*}, or {@code LIVECUE_CONNECTION_*}
 * environment variables). The README's "Connection checks" section gives the source of every default.
 */
@ConfigMapping(prefix = "livecue.connection")
public interface ConnectionConfig {

    /** Upload (Mbps) below which not even a 720p, 30 fps live is reliable: a critical finding. */
    @WithName("upload-720p-mbps")
    @WithDefault("3")
    double upload720pMbps();

    /** Upload (Mbps) a 1080p, 30 fps live needs; below it (and above the 720p floor) a warning: go live at 720p. */
    @WithName("upload-1080p-mbps")
    @WithDefault("6")
    double upload1080pMbps();

    /** Download (Mbps) below which chat, comments and gifts lag: a warning. */
    @WithDefault("1")
    double downloadMinMbps();

    /** Packet loss (%) from which there is a warning (below it is good). */
    @WithDefault("1")
    double lossGoodBelowPct();

    /** Packet loss (%) above which the connection is bad: a critical finding. */
    @WithDefault("5")
    double lossBadAbovePct();

    /** Round-trip time (ms) from which there is a warning (below it is ideal). */
    @WithDefault("100")
    double rttGoodBelowMs();

    /** Round-trip time (ms) above which the connection is bad: a critical finding. */
    @WithDefault("450")
    double rttBadAboveMs();

    /** Jitter (ms) from which there is a warning (below it is good). */
    @WithDefault("30")
    double jitterGoodBelowMs();

    /** Jitter (ms) above which the connection is bad: a critical finding. */
    @WithDefault("100")
    double jitterBadAboveMs();

    /** When sustained trouble during a live becomes an incident, and when it is over. */
    Incident incident();

    /** How long checks, incidents and their bookkeeping are kept (DynamoDB TTL). */
    @WithDefault("P400D")
    Duration retention();

    /** How far ahead of the server's clock a phone's {@code measuredAt} may be. */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /** How old a {@code measuredAt} may be (an app posts checks it could not send while offline). */
    @WithDefault("PT24H")
    Duration maxAge();

    interface Incident {
        /** Poor (or offline) checks in a row that open an incident... */
        @WithDefault("3")
        int poorChecks();

        /** ...when they were all measured within this span. */
        @WithDefault("PT2M")
        Duration window();

        /** Good (or excellent) checks in a row that close an open incident. */
        @WithDefault("2")
        int goodChecks();
    }
}
