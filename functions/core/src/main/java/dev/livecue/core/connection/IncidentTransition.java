package dev.livecue.core.connection;

/** What one check does to a live's incident state: the next state, and the incident it opened or closed, if any. */
public record IncidentTransition(IncidentState next, Incident opened, Incident closed) {
}
