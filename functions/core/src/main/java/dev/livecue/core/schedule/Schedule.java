package dev.livecue.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A planned live or series of lives. {@code start} is the first live's local date-time in {@code timeZone};
 * {@code recurrence} (an RRULE) is null for a one-off; {@code reminders} are ISO-8601 offsets before each start,
 * longest first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(String id, String title, String description, String thumbnailUrl, List<String> keywords,
        LocalDateTime start, String timeZone, int durationMinutes, String recurrence, List<String> reminders,
        boolean promote, Instant createdAt, Instant updatedAt, @JsonIgnore long version) {

    public static final int DEFAULT_DURATION_MINUTES = 60;

    @JsonIgnore
    public Series series() {
        return new Series(start, ZoneId.of(timeZone), Optional.ofNullable(recurrence).map(Recurrence::of));
    }

    @JsonIgnore
    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    @JsonIgnore
    public List<Duration> reminderOffsets() {
        return reminders.stream().map(Duration::parse).toList();
    }
}
