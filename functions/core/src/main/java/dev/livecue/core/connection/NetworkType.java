package dev.livecue.core.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The network a check was measured on; steps differ between them. */
public enum NetworkType {
    WIFI, CELLULAR, ETHERNET, UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NetworkType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.json().equals(value)).findFirst();
    }
}
