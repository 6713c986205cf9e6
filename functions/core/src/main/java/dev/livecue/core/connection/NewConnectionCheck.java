package dev.livecue.core.connection;

/**
 * Body of {@code POST /v1/connection-checks}. Numbers stay boxed so that a missing value is told apart from
 * zero; {@code measuredAt} and {@code networkType} stay text so that a bad value is reported with its field.
 */
public record NewConnectionCheck(String sessionId, String measuredAt, String networkType, Double uploadMbps,
        Double downloadMbps, Double rttMs, Double jitterMs, Double packetLossPct) {
}
