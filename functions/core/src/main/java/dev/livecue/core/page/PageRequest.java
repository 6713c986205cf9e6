package dev.livecue.core.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.validation.Violations;

/**
 * {@code ?limit=} (default 50, 1..200) and the opaque {@code cursor} of a list call. The cursor encodes the sort
 * key to continue after; the partition always comes from the caller, so a cursor can never reach another
 * creator's items.
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** From the raw query parameters, so that {@code ?limit=abc} is a 400 naming {@code limit}, not a 404. */
    public static PageRequest of(String limit, String cursor) {
        Violations v = new Violations();
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            size = limit.matches("\\d{1,4}") ? Integer.parseInt(limit) : -1;
        }
        v.check(size >= 1 && size <= MAX_LIMIT, "limit", "must be a whole number between 1 and " + MAX_LIMIT);
        Optional<String> after = Optional.empty();
        if (cursor != null && !cursor.isEmpty()) {
            after = decode(cursor);
            v.check(after.isPresent(), "cursor", "is not a cursor this API returned");
        }
        v.throwIfAny();
        return new PageRequest(size, after);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key of a cursor exactly as {@link #encode} wrote it: Base64 decoders ignore stray trailing bits and
     * padding and turn invalid UTF-8 into replacement characters, and one more character appends a zero byte, so
     * other strings would otherwise read as a cursor this API handed out. No sort key has control characters.
     */
    private static Optional<String> decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            boolean issued = !key.isEmpty() && key.length() <= 1024 && encode(key).equals(cursor)
                    && key.chars().noneMatch(Character::isISOControl);
            return issued ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a decoded cursor belongs to the listing whose sort keys start with {@code prefix}. */
    public boolean afterMatches(String prefix) {
        return after.map(a -> a.startsWith(prefix)).orElse(true);
    }

    /**
     * This request, once its cursor is known to belong to the listing whose sort keys start with {@code prefix}:
     * DynamoDB refuses to start a query at a key outside its key condition, which would otherwise be a 500.
     */
    public PageRequest within(String prefix) {
        if (!afterMatches(prefix)) {
            throw ApiException.invalid("cursor", "is not a cursor of this list");
        }
        return this;
    }
}
