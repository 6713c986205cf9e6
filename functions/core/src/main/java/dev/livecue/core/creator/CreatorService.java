package dev.livecue.core.creator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.session.GoodbyeWriter;
import dev.livecue.core.store.AccountStore;
import dev.livecue.core.store.ConcurrentUpdateException;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/** Creating creators and changing their profile and defaults. */
@ApplicationScoped
public class CreatorService {

    /** Like the platforms' own handles: letters, digits, dot and underscore. */
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9._]{2,30}");
    public static final Duration MIN_REMINDER = Duration.ofMinutes(5);
    public static final Duration MAX_REMINDER = Duration.ofDays(7);
    public static final int MAX_REMINDERS = 5;
    static final int MAX_DISPLAY_NAME = 80;
    static final int MAX_FOLLOW_CTA = 200;
    /** The OpenAPI side of {@link #written}: a tag of a language the goodbye is written in (tags ignore case). */
    static final String LOCALE_RULE = "BCP 47 language tag of a language Livecue writes the goodbye in: en, de, es, fr or pt";
    static final String LOCALE_PATTERN = "^([Ee][Nn]|[Dd][Ee]|[Ee][Ss]|[Ff][Rr]|[Pp][Tt])(-[A-Za-z0-9]{1,8})*$";
    static final int MAX_REPLAY_DAYS = 3650;

    @Inject
    AccountStore store;

    @Inject
    ApiKeyService keys;

    @Inject
    Clock clock;

    public CreatedCreator create(NewCreator request) {
        Violations v = new Violations();
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        String handle = request.handle() == null ? null : request.handle().strip().toLowerCase(Locale.ROOT);
        v.check(handle != null && HANDLE.matcher(handle).matches(), "handle",
                "is required: 2 to 30 letters, digits, dots or underscores");
        String displayName = request.displayName() == null ? handle
                : Fields.text(v, "displayName", request.displayName(), MAX_DISPLAY_NAME).orElse(null);
        Fields.timeZone(v, "timeZone", request.timeZone());
        String locale = request.locale() == null ? "en-US" : request.locale();
        Fields.locale(v, "locale", locale).ifPresent(l -> written(v, l));
        v.throwIfAny();

        Instant now = clock.instant();
        Creator creator = new Creator(SecretTokens.id("cr_"), handle, displayName, request.timeZone(),
                locale, null, Creator.DEFAULT_REMINDERS, Creator.DEFAULT_REPLAY_DAYS, now, now, 1);
        ApiKeyService.Secret first = keys.newSecret("default");
        try {
            store.createCreator(creator, first.key(), first.hash());
        } catch (AccountStore.HandleTakenException e) {
            throw ApiException.conflict("The handle '" + handle + "' is taken");
        }
        return new CreatedCreator(creator, first.token());
    }

    public Creator get(String creatorId) {
        return store.findCreator(creatorId).orElseThrow(() -> notFound(creatorId));
    }

    public static ApiException notFound(String creatorId) {
        return ApiException.notFound("Creator " + creatorId);
    }

    /** Applies a JSON merge patch to the profile; every invalid field is reported and nothing is written. */
    public Creator update(String creatorId, JsonNode body) {
        Violations v = new Violations();
        CreatorPatch patch = CreatorPatch.read(body, v);
        v.throwIfAny();
        Creator current = get(creatorId);
        String displayName = patched(patch.displayName(), current.displayName(), current.handle(),
                value -> Fields.text(v, "displayName", value, MAX_DISPLAY_NAME));
        String timeZone = patched(patch.timeZone(), current.timeZone(), "UTC",
                value -> Fields.timeZone(v, "timeZone", value).map(z -> value));
        String locale = patched(patch.locale(), current.locale(), "en-US",
                value -> Fields.locale(v, "locale", value).filter(l -> written(v, l)).map(l -> value));
        String followCta = patched(patch.followCta(), current.followCta(), null,
                value -> Fields.text(v, "followCta", value, MAX_FOLLOW_CTA));
        List<String> reminders = patch.defaultReminders() == null ? current.defaultReminders()
                : patch.defaultReminders().map(list -> reminderOffsets(v, "defaultReminders", list))
                        .orElse(Creator.DEFAULT_REMINDERS);
        int replayDays = current.replayDays();
        if (patch.replayDays() != null) {
            replayDays = patch.replayDays().orElse(Creator.DEFAULT_REPLAY_DAYS);
            v.check(replayDays >= 1 && replayDays <= MAX_REPLAY_DAYS, "replayDays", "must be between 1 and " + MAX_REPLAY_DAYS);
        }
        v.throwIfAny();

        Creator updated = new Creator(current.id(), current.handle(), displayName, timeZone, locale, followCta,
                reminders, replayDays, current.createdAt(), clock.instant(), current.version() + 1);
        try {
            store.updateCreator(updated, current.version());
        } catch (ConcurrentUpdateException e) {
            throw ApiException.concurrentUpdate("The profile was changed by another request; read it again and retry");
        }
        return updated;
    }

    /**
     * Validates reminder offsets: 1..5 distinct ISO-8601 durations between PT5M and P7D, returned in their
     * normalized form, longest first.
     */
    public static List<String> reminderOffsets(Violations v, String field, List<String> offsets) {
        if (!v.check(offsets != null && !offsets.isEmpty() && offsets.size() <= MAX_REMINDERS, field,
                "must hold 1 to " + MAX_REMINDERS + " offsets")) {
            return List.of();
        }
        List<Duration> parsed = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            Fields.duration(v, field + "[" + i + "]", offsets.get(i), MIN_REMINDER, MAX_REMINDER).ifPresent(parsed::add);
        }
        v.check(parsed.stream().distinct().count() == parsed.size(), field, "must not repeat an offset");
        return parsed.stream().sorted(Comparator.reverseOrder()).map(Duration::toString).toList();
    }

    /** Whether the goodbye can be written in the locale's language; reports it under {@code locale} when not. */
    private static boolean written(Violations v, Locale locale) {
        return v.check(GoodbyeWriter.LANGUAGES.contains(locale.getLanguage()), "locale", "Livecue writes the goodbye"
                + " script in " + String.join(", ", GoodbyeWriter.LANGUAGES) + ": use a locale of one of these languages,"
                + " such as en-US, es-MX or pt-BR");
    }

    private static <T> T patched(Optional<T> sent, T current, T fallback, Function<T, Optional<T>> validate) {
        if (sent == null) {
            return current;
        }
        return sent.isEmpty() ? fallback : validate.apply(sent.get()).orElse(current);
    }
}
