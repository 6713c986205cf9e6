package dev.livecue.api;

import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Names the field a Jackson error is about as a JSON path ({@code stats.likes}, {@code reminders[2]}). */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == String.class || type.isEnum()) {
            return " (expected a string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " (expected true or false)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return " (expected a whole number)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return " (expected a number)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return " (expected an array)";
        }
        return " (expected an object)";
    }
}
