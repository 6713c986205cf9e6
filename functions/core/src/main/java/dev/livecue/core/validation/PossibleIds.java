package dev.livecue.core.validation;

import java.util.regex.Pattern;

/**
 * Whether a string could be an id or token Livecue issued. Ids become DynamoDB key parts, and DynamoDB refuses a
 * sort key over 1 KB with an error that would otherwise surface as a 500: a string no id could be names a
 * resource that does not exist, and is answered so before any lookup.
 */
public final class PossibleIds {

    public static final int MAX_LENGTH = 160;
    /** Every id and token Livecue issues: base64url or prefixed random ids, dates and dots, a file suffix. */
    private static final Pattern POSSIBLE_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private PossibleIds() {
    }

    public static boolean possible(String id) {
        return id != null && POSSIBLE_ID.matcher(id).matches();
    }
}
