package dev.livecue.core.schedule;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Advice that makes a live easier to find, never a reason to refuse it. Thumbnails are judged by their URL only:
 * fetching a creator-supplied URL from the API would be a server-side request forgery risk.
 */
public final class ScheduleWarnings {

    /** About what a phone shows of a LIVE title before cutting it off. */
    public static final int PHONE_TITLE = 32;
    private static final Set<String> IMAGE_TYPES = Set.of("jpg", "jpeg", "png", "webp", "gif", "heic", "avif");

    private ScheduleWarnings() {
    }

    /** Warnings about the title and the thumbnail, which the pre-live checklist repeats. */
    public static List<Warning> content(Schedule schedule) {
        List<Warning> warnings = new ArrayList<>();
        String title = schedule.title();
        int length = title.codePointCount(0, title.length());
        if (length > PHONE_TITLE) {
            warnings.add(new Warning("title_too_long", "title", "Phones show about " + PHONE_TITLE
                    + " characters of a title; this one has " + length + ", so put the hook first"));
        }
        String lower = title.toLowerCase(Locale.ROOT);
        if (schedule.keywords().isEmpty()) {
            warnings.add(new Warning("title_without_keyword", "keywords",
                    "Add keywords viewers search for, and use one in the title"));
        } else if (schedule.keywords().stream().noneMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)))) {
            warnings.add(new Warning("title_without_keyword", "title",
                    "The title contains none of the keywords (" + String.join(", ", schedule.keywords()) + "); search finds titles by their words"));
        }
        if (schedule.thumbnailUrl() != null) {
            URI uri = URI.create(schedule.thumbnailUrl());
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                warnings.add(new Warning("thumbnail_not_https", "thumbnailUrl",
                        "Apps and browsers block images over plain http; use an https URL"));
            }
            String path = Optional.ofNullable(uri.getPath()).orElse("").toLowerCase(Locale.ROOT);
            String extension = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : "";
            if (!IMAGE_TYPES.contains(extension)) {
                warnings.add(new Warning("thumbnail_not_image", "thumbnailUrl",
                        "The URL does not name an image file (.jpg, .png, .webp); platforms may not show it as a thumbnail"));
            }
        }
        return warnings;
    }

    /** Everything worth saying about a schedule whose next live starts at {@code next}. */
    public static List<Warning> all(Schedule schedule, Optional<Occurrence> next, Instant now) {
        List<Warning> warnings = content(schedule);
        ZonedDateTime first = schedule.series().first();
        if (!first.toLocalDateTime().equals(schedule.start())) {
            warnings.add(new Warning("start_in_dst_gap", "start", schedule.start() + " does not exist in "
                    + schedule.timeZone() + " (clocks skip it that day); that live starts at " + first.toLocalDateTime()));
        }
        Duration earliest = schedule.reminderOffsets().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        next.filter(o -> Duration.between(now, o.start()).compareTo(earliest) < 0).ifPresent(o -> warnings.add(
                new Warning("start_within_first_reminder", "reminders", "The next live starts in "
                        + Duration.between(now, o.start()).withNanos(0) + ", sooner than the " + earliest
                        + " reminder: reminders due before now are not sent")));
        return warnings;
    }
}
