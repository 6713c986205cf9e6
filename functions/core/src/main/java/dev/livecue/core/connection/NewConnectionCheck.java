package dev.livecue.core.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.livecue.core.validation.PossibleIds;

/**
 * Body of {@code POST /v1/connection-checks}. Numbers stay boxed so that a missing value is told apart from
 * zero; {@code measuredAt} and {@code networkType} stay text so that a bad value is reported with its field.
 * The numbers are kept to three decimals.
 */
@Schema(additionalProperties = Schema.False.class)
public record NewConnectionCheck(
        @Schema(minLength = 1, maxLength = PossibleIds.MAX_LENGTH, description = "the live session it was measured in")
        String sessionId,
        @Schema(format = "date-time", description = "RFC 3339 instant, at most 24 hours old (default: now)") String measuredAt,
        @Schema(required = true, description = "one of wifi, cellular, ethernet, unknown") String networkType,
        @Schema(required = true, minimum = "0", maximum = "" + ConnectionCheckService.MAX_MBPS) Double uploadMbps,
        @Schema(minimum = "0", maximum = "" + ConnectionCheckService.MAX_MBPS) Double downloadMbps,
        @Schema(minimum = "0", maximum = "" + ConnectionCheckService.MAX_MS) Double rttMs,
        @Schema(minimum = "0", maximum = "" + ConnectionCheckService.MAX_MS) Double jitterMs,
        @Schema(minimum = "0", maximum = "100") Double packetLossPct) {
}
