package dev.livecue.core.validation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a JSON merge patch (RFC 7396) body field by field. Each getter answers {@code null} when the field was
 * left out (keep the current value), an empty Optional when it was sent as null (reset to the default), or the
 * value. A field of the wrong type, or one not in {@code allowed}, is recorded as a violation.
 */
public final class MergePatch {

    private final JsonNode body;
    private final Violations v;

    public MergePatch(JsonNode body, Set<String> allowed, Violations v) {
        this.v = v;
        if (body == null || !body.isObject()) {
            v.add("body", "must be a JSON object");
            this.body = null;
            return;
        }
        this.body = body;
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            v.check(allowed.contains(name), name, "is not a field that can be changed");
        }
    }

    public Optional<String> string(String field) {
        JsonNode node = present(field);
        if (node == null || node.isNull()) {
            return node == null ? null : Optional.empty();
        }
        if (!node.isTextual()) {
            v.add(field, "has the wrong type (expected a string)");
            return null;
        }
        return Optional.of(node.textValue());
    }

    public Optional<Integer> integer(String field) {
        JsonNode node = present(field);
        if (node == null || node.isNull()) {
            return node == null ? null : Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            v.add(field, "has the wrong type (expected a whole number)");
            return null;
        }
        return Optional.of(node.intValue());
    }

    public Optional<Boolean> bool(String field) {
        JsonNode node = present(field);
        if (node == null || node.isNull()) {
            return node == null ? null : Optional.empty();
        }
        if (!node.isBoolean()) {
            v.add(field, "has the wrong type (expected true or false)");
            return null;
        }
        return Optional.of(node.booleanValue());
    }

    public Optional<List<String>> strings(String field) {
        JsonNode node = present(field);
        if (node == null || node.isNull()) {
            return node == null ? null : Optional.empty();
        }
        if (!node.isArray()) {
            v.add(field, "has the wrong type (expected an array of strings)");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                v.add(field + "[" + i + "]", "has the wrong type (expected a string)");
                return null;
            }
            values.add(node.get(i).textValue());
        }
        return Optional.of(values);
    }

    private JsonNode present(String field) {
        return body == null ? null : body.get(field);
    }
}
