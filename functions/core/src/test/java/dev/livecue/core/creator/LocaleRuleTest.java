package dev.livecue.core.creator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.livecue.core.session.GoodbyeWriter;

/** The OpenAPI document's locale rule names the languages the goodbye is written in, and no others. */
class LocaleRuleTest {

    private static final Pattern DOCUMENTED = Pattern.compile(CreatorService.LOCALE_PATTERN);

    @Test
    void pattern_shouldTakeTheGoodbyesLanguages_inAnyCase_withRegionsAndScripts() {
        for (String language : GoodbyeWriter.LANGUAGES) {
            for (String tag : List.of(language, language + "-BR", language.toUpperCase() + "-latn-419")) {
                assertTrue(DOCUMENTED.matcher(tag).matches(), tag);
            }
            assertTrue(CreatorService.LOCALE_RULE.contains(language), language);
        }
    }

    @Test
    void pattern_shouldRefuseOtherLanguages() {
        for (String tag : List.of("ja-JP", "e", "eng", "it", "en_US", "en-", "pt-BR-")) {
            assertFalse(DOCUMENTED.matcher(tag).matches(), tag);
        }
    }
}
