package dev.livecue.core.reminder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ready-to-post promotion texts, one per platform, each within that platform's length limit. The title is cut
 * (at a word where possible, with an ellipsis) to make room; the link and the time are never cut. Lengths are
 * counted conservatively: UTF-16 units for every platform (never fewer than characters or graphemes, so Bluesky's
 * 300 graphemes hold), and for X every character outside Latin and general punctuation counts twice, as X
 * weighs CJK and emoji.
 */
public final class Promotions {

    /** A platform and its post limit. */
    enum Platform {
        X(280, true), INSTAGRAM(2200, false), FACEBOOK(63206, false), DISCORD(2000, false), TELEGRAM(4096, false),
        THREADS(500, true), BLUESKY(300, true);

        final int limit;
        final boolean brief;

        Platform(int limit, boolean brief) {
            this.limit = limit;
            this.brief = brief;
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        int length(String text) {
            if (this != X) {
                return text.length();
            }
            return text.codePoints().map(c -> c <= 0x10FF || c >= 0x2000 && c <= 0x206F ? 1 : 2).sum();
        }
    }

    private static final String ELLIPSIS = "…";
    private static final int MIN_WORD_CUT = 10;

    private Promotions() {
    }

    /** The texts by platform key ({@code x}, {@code instagram}, ...). */
    static Map<String, String> texts(String title, String when, String link, String description, List<String> keywords) {
        String tags = keywords.stream().map(k -> "#" + k).collect(Collectors.joining(" "));
        Map<String, String> texts = new LinkedHashMap<>();
        for (Platform platform : Platform.values()) {
            texts.put(platform.key(), text(platform, title, when, link, platform.brief ? null : description, tags));
        }
        return texts;
    }

    static String text(Platform platform, String title, String when, String link, String description, String tags) {
        // Drop the extras first (description, then hashtags), then shorten the title.
        String[][] variants = {{description, tags}, {null, tags}, {null, null}};
        for (String[] extras : variants) {
            String full = compose(title, when, link, extras[0], extras[1]);
            if (platform.length(full) <= platform.limit) {
                return full;
            }
        }
        String fixed = compose("", when, link, null, null);
        int room = platform.limit - platform.length(fixed) - platform.length(ELLIPSIS);
        return compose(cut(platform, title, room) + ELLIPSIS, when, link, null, null);
    }

    private static String compose(String title, String when, String link, String description, String tags) {
        StringBuilder text = new StringBuilder("🔴 LIVE ").append(when).append(": ").append(title);
        if (description != null && !description.isBlank()) {
            text.append("\n\n").append(description);
        }
        if (tags != null && !tags.isEmpty()) {
            text.append("\n\n").append(tags);
        }
        return text.append("\n").append(link).toString();
    }

    /** The longest start of {@code title} that fits in {@code room}, ending at a word when one is near. */
    private static String cut(Platform platform, String title, int room) {
        int end = 0;
        for (int i = 0; i < title.length(); i = title.offsetByCodePoints(i, 1)) {
            int next = title.offsetByCodePoints(i, 1);
            if (platform.length(title.substring(0, next)) > room) {
                break;
            }
            end = next;
        }
        String head = title.substring(0, end);
        int space = head.lastIndexOf(' ');
        return (space >= MIN_WORD_CUT && end < title.length() ? head.substring(0, space) : head).stripTrailing();
    }
}
