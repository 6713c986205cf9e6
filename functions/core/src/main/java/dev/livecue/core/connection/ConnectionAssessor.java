package dev.livecue.core.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Judges one check against the configured thresholds.
 * <ul>
 * <li>Each metric on the wrong side of its "good" threshold is a warning, past its "bad" threshold a critical
 * finding. Upload is judged against what a live needs: below the 1080p rate a warning (720p still works), below
 * the 720p rate critical. Download only ever warns: a live sends, it hardly receives.</li>
 * <li>Verdict: offline when nothing gets through (no upload, or every packet lost); poor with any critical
 * finding; fair with two or more warnings; good with one; excellent with none. One weak spot is still a good
 * connection, several together are not.</li>
 * <li>Score: 100 minus a penalty per finding that grows with how far past its threshold the value is (a warning
 * 5 to 20, a critical finding 50 to 90), kept inside the verdict's band (excellent 100, good 75..95, fair
 * 50..74, poor 1..49, offline 0) so that score and verdict never disagree.</li>
 * <li>Recommendation: poor or offline, wait and retry; fair, or too little upload for 1080p, go live at lower
 * quality; otherwise go live.</li>
 * </ul>
 */
@ApplicationScoped
public class ConnectionAssessor {

    /**
     * The thresholds of one metric. {@code good} is where warnings start, {@code bad} where critical findings
     * start; for a higher-is-worse metric the good side is below {@code good} and the bad side above {@code bad},
     * for a lower-is-worse one (upload, download) it is the other way round, at or above {@code good}, below {@code bad}.
     */
    private record Band(Metric metric, String name, String unit, double good, double bad, boolean higherIsWorse,
            String warningMeans, String criticalMeans) {

        Optional<Finding> judge(Double value) {
            if (value == null) {
                return Optional.empty();
            }
            boolean critical = higherIsWorse ? value > bad : value < bad;
            boolean warning = higherIsWorse ? value >= good : value < good;
            if (critical) {
                return Optional.of(new Finding(metric, value, bad, Severity.CRITICAL, describe(value, bad, criticalMeans)));
            }
            return warning ? Optional.of(new Finding(metric, value, good, Severity.WARNING, describe(value, good, warningMeans)))
                    : Optional.empty();
        }

        /** How far past its threshold the finding's value is, 0..1 (critical: up to twice the bad value, or zero). */
        double depth(Finding f) {
            double v = f.value();
            double depth;
            if (f.severity() == Severity.CRITICAL) {
                depth = higherIsWorse ? (v - bad) / bad : (bad - v) / bad;
            } else {
                depth = higherIsWorse ? (v - good) / (bad - good) : (good - v) / (good - bad);
            }
            return Math.max(0, Math.min(1, depth));
        }

        private String describe(double value, double threshold, String means) {
            String side = higherIsWorse ? (value > threshold ? "above " : "at or above ") : "below ";
            return name + " " + fmt(value) + unit + " is " + side + fmt(threshold) + unit + ": " + means;
        }
    }

    private final List<Band> bands;

    ConnectionAssessor(ConnectionConfig c) {
        requireOrdered("upload-720p-mbps", c.upload720pMbps(), "upload-1080p-mbps", c.upload1080pMbps());
        requireOrdered("loss-good-below-pct", c.lossGoodBelowPct(), "loss-bad-above-pct", c.lossBadAbovePct());
        requireOrdered("rtt-good-below-ms", c.rttGoodBelowMs(), "rtt-bad-above-ms", c.rttBadAboveMs());
        requireOrdered("jitter-good-below-ms", c.jitterGoodBelowMs(), "jitter-bad-above-ms", c.jitterBadAboveMs());
        this.bands = List.of(
                new Band(Metric.UPLOAD, "Upload", " Mbps", c.upload1080pMbps(), c.upload720pMbps(), false,
                        "enough for 720p, not for 1080p", "too little for even a 720p live"),
                new Band(Metric.DOWNLOAD, "Download", " Mbps", c.downloadMinMbps(), 0, false,
                        "chat, comments and gifts will lag", "nothing comes in"),
                new Band(Metric.PACKET_LOSS, "Packet loss", "%", c.lossGoodBelowPct(), c.lossBadAbovePct(), true,
                        "the picture may stutter", "the stream will freeze and drop"),
                new Band(Metric.RTT, "Round-trip time", " ms", c.rttGoodBelowMs(), c.rttBadAboveMs(), true,
                        "viewers see you with a delay", "the stream will stall"),
                new Band(Metric.JITTER, "Jitter", " ms", c.jitterGoodBelowMs(), c.jitterBadAboveMs(), true,
                        "the picture may stutter", "the stream will stutter and drop"));
    }

    public Assessment assess(Measurements m) {
        List<Finding> findings = new ArrayList<>();
        for (Band band : bands) {
            band.judge(m.value(band.metric())).ifPresent(findings::add);
        }
        Verdict verdict = verdict(m, findings);
        return new Assessment(verdict, score(verdict, findings), List.copyOf(findings), recommendation(verdict, findings));
    }

    private static Verdict verdict(Measurements m, List<Finding> findings) {
        boolean nothingGetsThrough = m.uploadMbps() == 0 || m.packetLossPct() != null && m.packetLossPct() >= 100;
        if (nothingGetsThrough) {
            return Verdict.OFFLINE;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL)) {
            return Verdict.POOR;
        }
        return switch (findings.size()) {
            case 0 -> Verdict.EXCELLENT;
            case 1 -> Verdict.GOOD;
            default -> Verdict.FAIR;
        };
    }

    private int score(Verdict verdict, List<Finding> findings) {
        double raw = 100;
        for (Finding f : findings) {
            double depth = band(f.metric()).depth(f);
            raw -= f.severity() == Severity.CRITICAL ? 50 + 40 * depth : 5 + 15 * depth;
        }
        int score = (int) Math.round(raw);
        return switch (verdict) {
            case EXCELLENT -> 100;
            case GOOD -> clamp(score, 75, 95);
            case FAIR -> clamp(score, 50, 74);
            case POOR -> clamp(score, 1, 49);
            case OFFLINE -> 0;
        };
    }

    private static Recommendation recommendation(Verdict verdict, List<Finding> findings) {
        if (verdict == Verdict.POOR || verdict == Verdict.OFFLINE) {
            return Recommendation.WAIT_AND_RETRY;
        }
        boolean no1080p = findings.stream().anyMatch(f -> f.metric() == Metric.UPLOAD);
        return verdict == Verdict.FAIR || no1080p ? Recommendation.GO_LIVE_LOWER_QUALITY : Recommendation.GO_LIVE;
    }

    private Band band(Metric metric) {
        return bands.stream().filter(b -> b.metric() == metric).findFirst().orElseThrow();
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static void requireOrdered(String lowName, double low, String highName, double high) {
        if (!(low > 0 && low < high)) {
            throw new IllegalStateException("livecue.connection." + lowName + " (" + low + ") must be above 0 and below "
                    + "livecue.connection." + highName + " (" + high + ")");
        }
    }
}
