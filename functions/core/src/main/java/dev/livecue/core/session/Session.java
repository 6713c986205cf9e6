package dev.livecue.core.session;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A live as it happens. {@code scheduledStart} and {@code delayMinutes} are null for an unscheduled live;
 * {@code title} is the planned live's. Once it ended: {@code endedAt} and {@code durationMinutes} (null for an
 * {@code abandoned} one, whose real end nobody knows), {@code endReason}, and for a closed live the
 * {@code goodbye}, its {@code stats} and {@code replayAvailableUntil}; an interrupted one has a {@code makeUp}
 * suggestion (null when every day of the next two weeks already has a live).
 */
public record Session(String id, SessionStatus status, String occurrenceId, String title, Instant scheduledStart,
        Instant startedAt, Integer delayMinutes, Instant endedAt, Integer durationMinutes, String endReason,
        Instant replayAvailableUntil, Goodbye goodbye, SessionStats stats, MakeUpSlot makeUp,
        @JsonIgnore PendingClose pendingClose, @JsonIgnore long version) {

    /**
     * A prepared close: the hash of its confirmation token (the token itself is never stored), until when it may be
     * confirmed, the reason and the goodbye the creator was shown. It stays on the session after the close, so the
     * same token confirms again with the same answer.
     */
    public record PendingClose(String tokenHash, Instant expiresAt, String reason, Goodbye goodbye) {
    }

    /** A live that just started. */
    public static Session started(String id, String occurrenceId, String title, Instant scheduledStart,
            Instant startedAt, Integer delayMinutes) {
        return new Session(id, SessionStatus.LIVE, occurrenceId, title, scheduledStart, startedAt, delayMinutes, null,
                null, null, null, null, null, null, null, 1);
    }

    @JsonIgnore
    public boolean isLive() {
        return status == SessionStatus.LIVE;
    }

    public Session withPendingClose(PendingClose pending) {
        return new Session(id, status, occurrenceId, title, scheduledStart, startedAt, delayMinutes, endedAt,
                durationMinutes, endReason, replayAvailableUntil, goodbye, stats, makeUp, pending, version + 1);
    }

    /**
     * The live as it ended: {@code endedAt} null for an abandoned one, and never before {@code startedAt} (a phone
     * whose clock runs a little ahead may report a start slightly in the future, and end at once).
     */
    public Session ended(SessionStatus to, String reason, Instant at, Instant replayUntil, Goodbye bye,
            SessionStats counted, MakeUpSlot makeUpSlot) {
        Instant end = at == null || !at.isBefore(startedAt) ? at : startedAt;
        Integer minutes = end == null ? null : (int) Duration.between(startedAt, end).toMinutes();
        return new Session(id, to, occurrenceId, title, scheduledStart, startedAt, delayMinutes, end, minutes, reason,
                replayUntil, bye, counted, makeUpSlot, pendingClose, version + 1);
    }
}
