package dev.livecue.core.schedule;

import java.util.List;

/**
 * Fired (as a CDI event) whenever a schedule's upcoming occurrences are planned, so that other parts can plan
 * their own work per occurrence (the sessions side watches for lives that never happen) without the planner
 * knowing them.
 */
public record OccurrencesPlanned(String creatorId, List<Occurrence> occurrences) {
}
