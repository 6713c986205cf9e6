package dev.livecue.web;

import java.time.Duration;

/**
 * What DevTools' network throttling emulates: added round-trip latency and download/upload throughput in
 * kilobits per second.
 */
public record NetworkConditions(Duration latency, int downloadKbps, int uploadKbps) {

    /** DevTools' "Slow 3G" preset: 2 s round trips, 400 kbit/s both ways. */
    public static final NetworkConditions SLOW_3G = new NetworkConditions(Duration.ofMillis(2000), 400, 400);

    /** DevTools' "Fast 3G" preset: 563 ms round trips, 1.44 Mbit/s down, 675 kbit/s up. */
    public static final NetworkConditions FAST_3G = new NetworkConditions(Duration.ofMillis(563), 1440, 675);

    public NetworkConditions {
        if (latency.isNegative() || downloadKbps <= 0 || uploadKbps <= 0) {
            throw new IllegalArgumentException("latency >= 0 and positive throughputs, got " + latency + ", "
                    + downloadKbps + ", " + uploadKbps);
        }
    }
}
