package dev.livecue.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a set of durations, in milliseconds. */
public record Percentiles(int count, double p50, double p99, double max) {

    public static Percentiles of(List<Duration> samples) {
        double[] millis = samples.stream().mapToDouble(d -> d.toNanos() / 1_000_000.0).sorted().toArray();
        if (millis.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(millis.length, rank(millis, 50), rank(millis, 99), millis[millis.length - 1]);
    }

    static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The median of plain values (for example cold starts of several runs). */
    public static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return rank(sorted, 50);
    }
}
