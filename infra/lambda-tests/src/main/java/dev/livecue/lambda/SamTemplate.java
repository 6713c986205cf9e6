package dev.livecue.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.livecue.dynamodblocal.CloudFormationYaml;

/**
 * template.yaml read as data: its resources, outputs, and its {@code AWS::Serverless::Function}s with the
 * template's {@code Globals} applied, the way SAM applies them (maps merge, the function's own value wins).
 */
public final class SamTemplate {

    public static final String FUNCTION = "AWS::Serverless::Function";

    private final Path root;
    private final Map<String, Object> template;

    private SamTemplate(Path root, Map<String, Object> template) {
        this.root = root;
        this.template = template;
    }

    /** Reads a template; relative paths in it (CodeUri) are resolved against its folder. */
    public static SamTemplate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new SamTemplate(file.toAbsolutePath().getParent(), CloudFormationYaml.load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Map<String, Object> resources() {
        return map(template, "Resources");
    }

    /** One resource (Type, Properties, ...), or an empty map when there is none by that id. */
    public Map<String, Object> resource(String id) {
        return map(resources(), id);
    }

    /** The resources of one type, by logical id, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> r = asMap(resource);
            if (type.equals(r.get("Type"))) {
                found.put(id, r);
            }
        });
        return found;
    }

    public Map<String, Object> outputs() {
        return map(template, "Outputs");
    }

    /** Every serverless function, with the Globals applied. */
    public Map<String, SamFunction> functions() {
        Map<String, Object> globals = map(map(template, "Globals"), "Function");
        Map<String, SamFunction> functions = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        map(template, "Parameters").forEach((name, parameter) -> {
            Object value = asMap(parameter).get("Default");
            if (value != null) {
                defaults.put(name, String.valueOf(value));
            }
        });
        resourcesOfType(FUNCTION).forEach((id, resource) ->
                functions.put(id, new SamFunction(id, root, merge(globals, map(resource, "Properties")), defaults)));
        return functions;
    }

    public SamFunction function(String id) {
        SamFunction function = functions().get(id);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml has no function " + id);
        }
        return function;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        own.forEach((key, value) -> merged.merge(key, value, (a, b) ->
                a instanceof Map && b instanceof Map ? merge((Map<String, Object>) a, (Map<String, Object>) b) : b));
        return merged;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }
}
