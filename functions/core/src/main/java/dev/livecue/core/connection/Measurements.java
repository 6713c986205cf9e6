package dev.livecue.core.connection;

/**
 * The validated numbers of one check. Upload is always measured; the others are null when the app could not
 * measure them (a phone without a connection has no round-trip time).
 */
public record Measurements(NetworkType networkType, double uploadMbps, Double downloadMbps, Double rttMs,
        Double jitterMs, Double packetLossPct) {

    public Double value(Metric metric) {
        return switch (metric) {
            case UPLOAD -> uploadMbps;
            case DOWNLOAD -> downloadMbps;
            case RTT -> rttMs;
            case JITTER -> jitterMs;
            case PACKET_LOSS -> packetLossPct;
        };
    }
}
