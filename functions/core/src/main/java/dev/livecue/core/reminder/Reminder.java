package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One planned notice before one occurrence: an audience reminder ({@code offset} before the start, becomes a
 * {@code live.reminder} event) or the creator's checklist ({@code live.checklist}). The id is made of the
 * occurrence id, the offset and the due instant (the checklist's: the live's start, as its due time follows the
 * smallest offset), so planning the same thing twice writes the same item, and a reminder that already fired is
 * never planned again: a checklist once per start of its live, whatever the offsets became since.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reminder(String reminderId, @JsonIgnore String creatorId, String scheduleId, String occurrenceId,
        Kind kind, String offset, Instant dueAt, Instant occurrenceStart, Status status) {

    public enum Kind {
        REMINDER, CHECKLIST;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        PENDING, FIRED, EXPIRED, CANCELLED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same reminder (same id) due at {@code at}: a checklist planned too late for its own time. */
    public Reminder withDueAt(Instant at) {
        return new Reminder(reminderId, creatorId, scheduleId, occurrenceId, kind, offset, at, occurrenceStart, status);
    }

    public static Reminder planned(String creatorId, String scheduleId, String occurrenceId, Kind kind, String offset,
            Instant dueAt, Instant occurrenceStart) {
        String label = kind == Kind.CHECKLIST ? "checklist" : offset;
        Instant keyed = kind == Kind.CHECKLIST ? occurrenceStart : dueAt;
        return new Reminder(occurrenceId + "." + label + "." + keyed.getEpochSecond(), creatorId, scheduleId,
                occurrenceId, kind, offset, dueAt, occurrenceStart, Status.PENDING);
    }
}
