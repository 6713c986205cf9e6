package dev.livecue.core.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.livecue.core.creator.Creator;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/**
 * The contract's rules for a schedule, the same for a new one and a patched one: title 1..140 characters after
 * trimming, {@code start} a local date-time in the future in a known IANA {@code timeZone}, a guarded RRULE,
 * 1..5 distinct reminders between PT5M and P7D. Every invalid field is reported; nothing is written before.
 */
final class ScheduleRules {

    static final int MAX_TITLE = 140;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_KEYWORDS = 10;
    static final int MAX_KEYWORD = 50;
    static final int MAX_URL = 2048;
    static final int MAX_DURATION_MINUTES = 24 * 60;

    private ScheduleRules() {
    }

    /** What a valid request becomes; {@code start} need not be in the future when {@code startChanged} is false. */
    record Valid(String title, String description, String thumbnailUrl, List<String> keywords, LocalDateTime start,
            String timeZone, int durationMinutes, String recurrence, List<String> reminders, boolean promote) {
    }

    static Valid validate(Violations v, NewSchedule in, Creator creator, Instant now, boolean startChanged) {
        String title = Fields.text(v, "title", in.title(), MAX_TITLE).orElse(null);
        String description = in.description() == null ? null
                : Fields.paragraphs(v, "description", in.description(), MAX_DESCRIPTION).orElse(null);
        String thumbnail = in.thumbnailUrl() == null ? null : thumbnail(v, in.thumbnailUrl());
        List<String> keywords = keywords(v, in.keywords());
        String zoneName = in.timeZone() == null ? creator.timeZone() : in.timeZone();
        Optional<ZoneId> zone = Fields.timeZone(v, "timeZone", zoneName);
        LocalDateTime start = Fields.localDateTime(v, "start", in.start()).orElse(null);
        if (start != null && zone.isPresent() && startChanged) {
            v.check(start.atZone(zone.get()).toInstant().isAfter(now), "start",
                    "must be in the future (" + start + " in " + zoneName + " has passed)");
        }
        int duration = in.durationMinutes() == null ? Schedule.DEFAULT_DURATION_MINUTES : in.durationMinutes();
        v.check(duration >= 1 && duration <= MAX_DURATION_MINUTES, "durationMinutes",
                "must be between 1 and " + MAX_DURATION_MINUTES);
        Optional<Recurrence> recurrence = in.recurrence() == null ? Optional.empty()
                : Recurrence.parse(v, "recurrence", in.recurrence());
        List<String> reminders = in.reminders() == null ? creator.defaultReminders()
                : CreatorService.reminderOffsets(v, "reminders", in.reminders());
        if (start != null && zone.isPresent() && (in.recurrence() == null || recurrence.isPresent())) {
            new Series(start, zone.get(), recurrence).check(v);
        }
        v.throwIfAny();
        return new Valid(title, description, thumbnail, keywords, start, zoneName, duration,
                recurrence.map(Recurrence::rule).orElse(null), reminders, in.promote() == null || in.promote());
    }

    private static String thumbnail(Violations v, String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && value.length() <= MAX_URL) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        v.add("thumbnailUrl", "must be an absolute https URL of at most " + MAX_URL + " characters");
        return null;
    }

    private static List<String> keywords(Violations v, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (!v.check(values.size() <= MAX_KEYWORDS, "keywords", "must hold at most " + MAX_KEYWORDS + " keywords")) {
            return List.of();
        }
        List<String> keywords = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String field = "keywords[" + i + "]";
            Fields.text(v, field, values.get(i), MAX_KEYWORD).map(k -> k.startsWith("#") ? k.substring(1) : k)
                    .filter(k -> v.check(!k.isBlank() && k.codePoints().noneMatch(Character::isWhitespace), field,
                            "must be one word or tag without spaces"))
                    .ifPresent(k -> {
                        if (v.check(keywords.stream().noneMatch(k::equalsIgnoreCase), field, "repeats '" + k + "'")) {
                            keywords.add(k);
                        }
                    });
        }
        return keywords;
    }
}
