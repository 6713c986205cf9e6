package dev.livecue.core.reminder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cutting a long title to fit a platform's limit keeps whole emoji, as a reader sees them. */
class PromotionsTest {

    private static final String FAMILY = "👨‍👩‍👧‍👦";
    private static final String WHEN = "Fri Dec 4, 7:00 PM EST";
    private static final String LINK = "https://www.tiktok.com/@nightowl/live";

    @Test
    void cut_shouldKeepEveryEmojiWhole_forZwjSequencesSkinTonesAndFlags() {
        for (String emoji : new String[] {FAMILY, "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "❤️"}) {
            String title = emoji.repeat(60);
            String x = Promotions.text(Promotions.Platform.X, title, WHEN, LINK, null, "");

            assertTrue(Promotions.Platform.X.length(x) <= Promotions.Platform.X.limit, x);
            String kept = x.substring(x.indexOf(": ") + 2, x.indexOf('…'));
            assertTrue(!kept.isEmpty() && kept.replace(emoji, "").isEmpty(), "whole " + emoji + " only: " + kept);
        }
    }
}
