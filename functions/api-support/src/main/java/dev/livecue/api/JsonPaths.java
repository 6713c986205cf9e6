package dev.livecue.api;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Names the field a Jackson error is about as a JSON path ({@code stats.likes}, {@code reminders[2]}). */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JsonMappingException e) {
        return joined(e.getPath().stream().map(ref -> segment(ref.getFieldName(), ref.getIndex())));
    }

    /**
     * The path of a key that appears twice in one object, if that is what failed: the parser rejects it
     * ({@code STRICT_DUPLICATE_DETECTION}) and still stands on the repeated key. Jackson has no exception type of its
     * own for this, only its message; the API tests that send a repeated key catch a change of wording.
     */
    static Optional<String> duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse && parse.getProcessor() != null
                    && parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field")) {
                return Optional.of(of(parse.getProcessor().getParsingContext()));
            }
        }
        return Optional.empty();
    }

    private static String of(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            segments.addFirst(segment(at.getCurrentName(), at.getCurrentIndex()));
        }
        return joined(segments.stream());
    }

    /** A field by name, or an array element (no name) by index. */
    private static String segment(String name, int index) {
        return name != null ? "." + name : "[" + index + "]";
    }

    private static String joined(Stream<String> segments) {
        return segments.collect(Collectors.joining()).replaceFirst("^\\.", "");
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
