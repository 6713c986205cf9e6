package dev.livecue.core.session;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the goodbye script in the creator's language: thanks, wrapping up, the next live by weekday, date and time
 * in that live's own time zone (or that none is planned yet, never an invented date), and the call to follow.
 * <p>
 * The sentences come from the {@code goodbye} resource bundle, one file per language (English, German, Spanish,
 * French, Portuguese); dates and times are formatted by {@link DateTimeFormatter} in the same locale, so words and
 * formats always match. A language without its own file gets English words with English formats rather than a mix.
 */
@ApplicationScoped
public class GoodbyeWriter {

    /**
     * The languages the goodbye is written in, each with its own file of the bundle (English is the base file); a
     * creator's locale must be in one of them, so that the words are never silently another language's.
     */
    public static final List<String> LANGUAGES = List.of("en", "de", "es", "fr", "pt");
    static final String BUNDLE = "dev.livecue.core.session.goodbye";
    private static final String ENGLISH = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Never the JVM's default locale: a server's own locale must not decide a creator's language. */
    static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * @param creatorLocale the creator's BCP 47 locale, such as {@code en-US} or {@code de-DE}
     * @param followCta     the creator's own call to follow, or null for the built-in one
     * @param next          the next scheduled live, or null when none is planned
     */
    public Goodbye write(String creatorLocale, String followCta, NextLive next) {
        Locale requested = creatorLocale == null ? Locale.US : Locale.forLanguageTag(creatorLocale);
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, requested, NO_FALLBACK);
        // the base file holds the English words: an English-speaking creator keeps their own formats (en-GB:
        // "Saturday, 12 December 2026"), any other language without a file gets English words and US formats
        boolean ownWords = !words.getLocale().getLanguage().isEmpty() || requested.getLanguage().equals(ENGLISH);
        Locale locale = ownWords ? requested : Locale.US;

        StringBuilder script = new StringBuilder()
                .append(words.getString("thanks")).append(' ')
                .append(words.getString("wrapUp")).append(' ');
        if (next == null) {
            script.append(words.getString("noNextLive"));
        } else {
            ZonedDateTime start = next.start().atZone(ZoneId.of(next.timeZone()));
            script.append(fill(words.getString("nextLive"), Map.of(
                    "title", next.title(),
                    "date", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(start),
                    "time", DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(start),
                    "zone", DateTimeFormatter.ofPattern("zzzz", locale).format(start))));
        }
        script.append(' ').append(followCta == null || followCta.isBlank() ? words.getString("follow") : followCta.strip());
        return new Goodbye(script.toString(), next);
    }

    /** Replaces each {name} once, so a title that itself contains "{time}" stays as it is. */
    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }
}
