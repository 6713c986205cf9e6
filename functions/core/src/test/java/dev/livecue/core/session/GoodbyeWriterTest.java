package dev.livecue.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class GoodbyeWriterTest {

    private final GoodbyeWriter writer = new GoodbyeWriter();

    // Friday 2026-12-04 19:00 in Los Angeles (PST, UTC-8) is Saturday 03:00 UTC
    private static final NextLive FRIDAY_LA = new NextLive("occ_1", "sch_1", Instant.parse("2026-12-05T03:00:00Z"),
            "2026-12-04T19:00", "America/Los_Angeles", "Friday night Q&A");

    @Test
    void write_shouldNameWeekdayDateAndTimeInTheLivesZone_whenEnglish() {
        Goodbye goodbye = writer.write("en-US", null, FRIDAY_LA);

        String script = goodbye.script();
        assertTrue(script.startsWith("Thank you"), script);
        assertTrue(script.contains("wrapping up"), script);
        assertTrue(script.contains("\"Friday night Q&A\" on Friday, December 4, 2026 at 7:00"), script);
        assertTrue(script.matches(".*7:00\\s?PM \\(Pacific Standard Time\\).*"), script);
        assertTrue(script.endsWith("Hit follow so you don't miss the next one!"), script);
        assertEquals(FRIDAY_LA, goodbye.nextLive());
    }

    @Test
    void write_shouldUseTheCreatorsOwnEnglishFormats_whenBritishOrAustralian() {
        String british = writer.write("en-GB", null, FRIDAY_LA).script();
        assertTrue(british.startsWith("Thank you"), british);
        assertTrue(british.contains("on Friday, 4 December 2026 at 19:00"), british);
        String australian = writer.write("en-AU", null, FRIDAY_LA).script();
        assertTrue(australian.contains("on Friday, 4 December 2026 at 7:00"), australian);
        assertTrue(australian.matches(".*7:00\\s?pm.*"), australian);
    }

    @Test
    void write_shouldUseGermanWordsAndFormats_whenCreatorIsGerman() {
        String script = writer.write("de-DE", null, FRIDAY_LA).script();

        assertTrue(script.startsWith("Vielen Dank"), script);
        assertTrue(script.contains("am Freitag, 4. Dezember 2026 um 19:00"), script);
        assertTrue(script.contains("Folgt mir"), script);
    }

    @Test
    void write_shouldUseSpanishFrenchAndPortugueseWords() {
        assertTrue(writer.write("es-ES", null, FRIDAY_LA).script().contains("el viernes, 4 de diciembre de 2026 a las 19:00"));
        assertTrue(writer.write("fr-FR", null, FRIDAY_LA).script().contains("le vendredi 4 décembre 2026 à 19:00"));
        assertTrue(writer.write("pt-BR", null, FRIDAY_LA).script().contains("sexta-feira, 4 de dezembro de 2026, às 19:00"));
    }

    @Test
    void languages_shouldEachHaveTheirOwnWords() {
        // the API accepts a creator's locale only in these languages: each must have its file, English the base one
        for (String language : GoodbyeWriter.LANGUAGES) {
            Locale found = ResourceBundle.getBundle(GoodbyeWriter.BUNDLE, Locale.forLanguageTag(language),
                    GoodbyeWriter.NO_FALLBACK).getLocale();
            assertEquals(language.equals("en") ? "" : language, found.getLanguage(), language);
        }
    }

    @Test
    void write_shouldFallBackToEnglishWordsAndFormats_whenLanguageHasNoTemplates() {
        String script = writer.write("ja-JP", null, FRIDAY_LA).script();

        assertTrue(script.startsWith("Thank you"), script);
        assertTrue(script.contains("Friday, December 4, 2026"), script);
    }

    @Test
    void write_shouldSayNoDate_whenNoNextLive() {
        Goodbye goodbye = writer.write("en-US", null, null);

        assertTrue(goodbye.script().contains("isn't on the calendar yet"), goodbye.script());
        assertFalse(goodbye.script().matches(".*\\d.*"), "no invented date: " + goodbye.script());
        assertNull(goodbye.nextLive());
    }

    @Test
    void write_shouldUseCreatorsFollowCta_whenSet() {
        String script = writer.write("en-US", "  Tap the + on my picture!  ", FRIDAY_LA).script();

        assertTrue(script.endsWith("Tap the + on my picture!"), script);
        assertFalse(script.contains("Hit follow"), script);
    }

    @Test
    void write_shouldKeepPlaceholdersInTitleAsText() {
        NextLive odd = new NextLive("o", "s", FRIDAY_LA.start(), FRIDAY_LA.localStart(), FRIDAY_LA.timeZone(), "Ask me {time} $1");

        assertTrue(writer.write("en-US", null, odd).script().contains("\"Ask me {time} $1\""));
    }
}
