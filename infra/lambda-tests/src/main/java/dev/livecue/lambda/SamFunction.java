package dev.livecue.lambda;

import static dev.livecue.lambda.SamTemplate.asMap;
import static dev.livecue.lambda.SamTemplate.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.livecue.dynamodblocal.CloudFormationYaml;

/**
 * One {@code AWS::Serverless::Function} of the template, with the Globals applied; {@code parameterDefaults}: the
 * template's parameters that have a default, which a deploy without overrides gives them.
 */
public record SamFunction(String id, Path root, Map<String, Object> properties, Map<String, String> parameterDefaults) {

    /** A route of the HTTP API: method and path as the template writes them ({@code /v1/api-keys/{id}}). */
    public record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public Path zip() {
        return root.resolve((String) properties.get("CodeUri")).normalize();
    }

    public String handler() {
        return (String) properties.get("Handler");
    }

    public int memoryMb() {
        return ((Number) properties.get("MemorySize")).intValue();
    }

    public int timeoutSeconds() {
        return ((Number) properties.get("Timeout")).intValue();
    }

    /** The environment variables as written: strings, or intrinsic functions such as {@code {Ref: LivecueTable}}. */
    public Map<String, Object> environment() {
        return map(map(properties, "Environment"), "Variables");
    }

    /** The event sources by name, each with its Type and Properties. */
    public Map<String, Map<String, Object>> events() {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        map(properties, "Events").forEach((name, event) -> events.put(name, asMap(event)));
        return events;
    }

    /** The events of one type (HttpApi, Schedule, ...). */
    public Map<String, Map<String, Object>> events(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        events().forEach((name, event) -> {
            if (type.equals(event.get("Type"))) {
                found.put(name, event);
            }
        });
        return found;
    }

    public List<Route> httpRoutes() {
        List<Route> routes = new ArrayList<>();
        events("HttpApi").values().forEach(event -> {
            Map<String, Object> p = map(event, "Properties");
            routes.add(new Route(String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT), String.valueOf(p.get("Path"))));
        });
        return routes;
    }

    /**
     * The function as {@link LambdaZipInvoker} runs it. Environment values that are {@code Ref}s are looked up in
     * {@code refs} (for example the table's logical id to the name of a local table), then in the parameters'
     * defaults; {@code overrides} replace or add variables, and must cover any value that cannot be resolved outside
     * AWS (such as a dynamic reference to a secret).
     */
    public LambdaFunction lambda(Map<String, String> refs, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        environment().forEach((name, value) -> {
            if (overrides.containsKey(name)) {
                return;
            }
            String ref = CloudFormationYaml.ref(value);
            if (value instanceof String literal) {
                env.put(name, literal);
            } else if (ref != null && refs.containsKey(ref)) {
                env.put(name, refs.get(ref));
            } else if (ref != null && parameterDefaults.containsKey(ref)) {
                env.put(name, parameterDefaults.get(ref));
            } else {
                throw new IllegalArgumentException(id + ": environment variable " + name + " = " + value
                        + " cannot be resolved outside AWS; give it as an override");
            }
        });
        env.putAll(overrides);
        return new LambdaFunction(id, zip(), handler(), memoryMb(), timeoutSeconds(), env);
    }
}
