package dev.livecue.core.reminder;

import java.text.BreakIterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
            return name().toLowerCase(Locale.ROOT);
        }

        int length(String text) {
            if (this != X) {
                return text.length();
            }
            return text.codePoints().map(c -> c <= 0x10FF || c >= 0x2000 && c <= 0x206F ? 1 : 2).sum();
        }
    }

    private static final String ELLIPSIS = "…";
    private static final int ZERO_WIDTH_JOINER = 0x200D;
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

    /**
     * The longest start of {@code title} that fits in {@code room}, ending at a word when one is near and never
     * inside a user-perceived character: a family emoji cut after its zero-width joiner shows as a broken glyph.
     */
    private static String cut(Platform platform, String title, int room) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(title);
        int end = 0;
        for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
            if (!between(title, next)) {
                continue;
            }
            if (platform.length(title.substring(0, next)) > room) {
                break;
            }
            end = next;
        }
        String head = title.substring(0, end);
        int space = head.lastIndexOf(' ');
        return (space >= MIN_WORD_CUT && end < title.length() ? head.substring(0, space) : head).stripTrailing();
    }

    /**
     * Whether {@code at} lies between two emoji rather than inside one. The JDK's character iterator follows UAX #29
     * from JDK 20 on (Lambda's Java 21 runtime); an older one splits a ZWJ sequence, a skin-tone modifier, a variation
     * selector or a flag's tag characters from what they belong to, so those boundaries are skipped here.
     */
    private static boolean between(String text, int at) {
        if (at >= text.length()) {
            return true;
        }
        int after = text.codePointAt(at);
        return text.codePointBefore(at) != ZERO_WIDTH_JOINER && after != ZERO_WIDTH_JOINER
                && !(after >= 0xFE00 && after <= 0xFE0F) && !(after >= 0x1F3FB && after <= 0x1F3FF)
                && !(after >= 0xE0020 && after <= 0xE007F);
    }
}
