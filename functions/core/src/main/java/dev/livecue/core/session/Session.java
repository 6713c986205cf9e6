package dev.livecue.core.session;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A live as it happens. {@code scheduledStart} and {@code delayMinutes} are null for an unscheduled live (and,
 * until occurrences are linked, for every live); {@code occurrenceId} is what the creator sent.
 */
public record Session(String id, SessionStatus status, String occurrenceId, Instant scheduledStart, Instant startedAt,
        Integer delayMinutes, @JsonIgnore long version) {

    @JsonIgnore
    public boolean isLive() {
        return status == SessionStatus.LIVE;
    }
}
