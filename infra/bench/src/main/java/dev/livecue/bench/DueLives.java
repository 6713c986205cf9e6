package dev.livecue.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How the dispatch benchmark and the fault drills make work for the dispatcher, through the packaged schedules
 * function as a creator would: creators subscribed to {@code live.reminder} and {@code live.checklist} at a loopback
 * receiver, and one-off lives an hour and a few seconds away with a one-hour reminder, so the reminder and the
 * checklist (due an hour before too) come due moments after the live is planned: two due reminders per live.
 */
final class DueLives {

    static final String ZONE = "America/New_York";
    /** How long after it is planned a reminder comes due: longer than a planning request takes (each is checked). */
    static final Duration DUE_LEAD = Duration.ofSeconds(10);

    /** A creator made for the run: its id (the partition of everything it owns) and its API key. */
    record Creator(String id, String apiKey) {
    }

    private DueLives() {
    }

    /** Due reminders per planned live: its reminder and its checklist. */
    static final int DUE_PER_LIVE = 2;

    /** A new creator whose one webhook subscription sends its reminder and checklist events to {@code url}. */
    static Creator creatorWithSubscription(LambdaHttp schedules, String handle, String url) {
        var created = schedules.expect(201, "POST", "/v1/creators", BenchStack.ADMIN_TOKEN,
                "{\"handle\":\"" + handle + "\",\"timeZone\":\"" + ZONE + "\"}").json();
        Creator creator = new Creator(created.path("creator").path("id").asText(), created.path("apiKey").asText());
        schedules.expect(201, "POST", "/v1/webhooks", creator.apiKey(), "{\"url\":\"" + url + "\",\"events\":[\"live.reminder\",\"live.checklist\"]}");
        return creator;
    }

    /**
     * Plans, as the creator with {@code apiKey}, a one-off live whose reminder is due {@link #DUE_LEAD} from now (the
     * live starts an hour later); returns when the reminder is due. A planning request slower than the lead would
     * leave a reminder that was due before it was planned, which is not planned at all: that fails the run instead.
     */
    static Instant planDueSoon(LambdaHttp schedules, String apiKey, String title) {
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of(ZONE)).plusHours(1).plus(DUE_LEAD).truncatedTo(ChronoUnit.SECONDS);
        schedules.expect(201, "POST", "/v1/schedules", apiKey, live(title, start.toLocalDateTime()));
        Instant due = start.minusHours(1).toInstant();
        if (!Instant.now().isBefore(due)) {
            throw new IllegalStateException("planning '" + title + "' took longer than " + DUE_LEAD
                    + ": its reminder may have been due before it was planned; the machine is too busy for this run");
        }
        return due;
    }

    /** What the messages of the live titled {@code title} are about: one per due reminder. */
    static List<String> subjects(String title) {
        return List.of(subject("live.reminder", title), subject("live.checklist", title));
    }

    /** What a message of event {@code type} about the live titled {@code title} is about. */
    static String subject(String type, String title) {
        return type + " " + title;
    }

    /** Waits until {@code due} has passed (and a second more, for the clocks of the child JVMs). */
    static void awaitDue(Instant due) {
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), due.plusSeconds(1)).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String live(String title, LocalDateTime start) {
        return "{\"title\":\"" + title + "\",\"start\":\"" + start.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + "\",\"timeZone\":\"" + ZONE + "\",\"durationMinutes\":60,\"reminders\":[\"PT1H\"]}";
    }
}
