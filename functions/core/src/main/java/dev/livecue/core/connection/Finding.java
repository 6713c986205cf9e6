package dev.livecue.core.connection;

/** One measurement on the wrong side of a threshold; {@code message} says so in words. */
public record Finding(Metric metric, double value, double threshold, Severity severity, String message) {
}
