package dev.livecue.core.connection;

import java.util.Collection;

/**
 * Summary of one metric over a session's checks: {@code median} is the middle value (the mean of the two middle
 * ones for an even count), {@code p95} the nearest-rank 95th percentile (the smallest value at least 95% of the
 * checks are at or below). All null when no check measured the metric.
 */
public record MetricStats(int count, Double min, Double median, Double p95) {

    public static MetricStats of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return new MetricStats(0, null, null, null);
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new MetricStats(n, sorted[0], median, sorted[nearestRank(n, 95)]);
    }

    /** Index of the nearest-rank {@code percent}-th percentile in {@code n} sorted values (integer maths: no rounding surprises). */
    static int nearestRank(int n, int percent) {
        return Math.max(0, (percent * n + 99) / 100 - 1);
    }
}
