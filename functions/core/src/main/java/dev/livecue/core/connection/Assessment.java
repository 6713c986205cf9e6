package dev.livecue.core.connection;

import java.util.List;

/** What the thresholds say about one check on its own, before any incident during a live is considered. */
public record Assessment(Verdict verdict, int score, List<Finding> findings, Recommendation recommendation) {
}
