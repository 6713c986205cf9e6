package dev.livecue.core.connection;

/**
 * Where a live's connection incident stands as a check is judged: none open, open (the check is not a good one that
 * counts toward the recovery), or recovering (it is, but the incident needs more good checks in a row to end).
 */
public enum IncidentPhase {
    NONE, OPEN, RECOVERING
}
