package dev.livecue.core.validation;

import java.util.ArrayList;
import java.util.List;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.FieldError;
import dev.livecue.core.error.ProblemType;

/**
 * Collects every invalid field of one request, so the caller learns all of them in one answer; nothing is
 * written until {@link #throwIfAny()} has passed.
 */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Records {@code message} for {@code field} unless {@code ok}. Returns {@code ok}. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
            throw new ApiException(ProblemType.VALIDATION, detail, errors);
        }
    }
}
