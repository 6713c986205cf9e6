package dev.livecue.core.connection;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/** The measurements of a check, named as in the API. */
public enum Metric {
    UPLOAD("uploadMbps"),
    DOWNLOAD("downloadMbps"),
    RTT("rttMs"),
    JITTER("jitterMs"),
    PACKET_LOSS("packetLossPct");

    private final String field;

    Metric(String field) {
        this.field = field;
    }

    /** The API field (and stored attribute) name. */
    @JsonValue
    public String field() {
        return field;
    }

    public static Metric fromField(String field) {
        return Arrays.stream(values()).filter(m -> m.field.equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown metric " + field));
    }
}
