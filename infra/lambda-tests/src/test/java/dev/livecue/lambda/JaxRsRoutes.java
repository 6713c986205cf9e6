package dev.livecue.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;

/**
 * The HTTP routes a function serves, read from the JAX-RS annotations of the classes in its package (its own
 * resources and any a Livecue library such as api-support contributes).
 */
final class JaxRsRoutes {

    /** One served route: method, path as JAX-RS writes it, whether it needs no key, and the Java method. */
    record Served(String method, String path, boolean publicEndpoint, boolean adminOnly, String javaMethod) {

        /** Method and path with every variable written {@code {}}, for comparing with template routes. */
        String key() {
            return method + " " + normalize(path);
        }
    }

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName APPLICATION_PATH = DotName.createSimple("jakarta.ws.rs.ApplicationPath");
    private static final DotName PUBLIC = DotName.createSimple("dev.livecue.core.auth.PublicEndpoint");
    private static final DotName ADMIN = DotName.createSimple("dev.livecue.core.auth.AdminOnly");
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    private JaxRsRoutes() {
    }

    static List<Served> of(FunctionZip zip) {
        String root = zip.index().getAnnotations(APPLICATION_PATH).stream()
                .map(a -> a.value().asString()).findFirst().orElse("");
        List<Served> routes = new ArrayList<>();
        for (AnnotationInstance classPath : zip.index().getAnnotations(PATH)) {
            if (classPath.target().kind() != org.jboss.jandex.AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = classPath.target().asClass();
            for (MethodInfo method : resource.methods()) {
                String http = httpMethod(method);
                AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                if (http == null) {
                    if (methodPath != null) {
                        throw new IllegalStateException(resource.name() + "." + method.name()
                                + " is a sub-resource locator; the route check reads only methods with an HTTP method annotation");
                    }
                    continue;
                }
                String path = join(root, classPath.value().asString(), methodPath == null ? "" : methodPath.value().asString());
                routes.add(new Served(http, path,
                        method.declaredAnnotation(PUBLIC) != null || resource.declaredAnnotation(PUBLIC) != null,
                        method.declaredAnnotation(ADMIN) != null || resource.declaredAnnotation(ADMIN) != null,
                        resource.simpleName() + "." + method.name()));
            }
        }
        return routes;
    }

    private static String httpMethod(MethodInfo method) {
        return HTTP_METHODS.stream()
                .filter(m -> method.declaredAnnotation(DotName.createSimple("jakarta.ws.rs." + m)) != null)
                .findFirst().orElse(null);
    }

    private static String join(String... parts) {
        String joined = ("/" + String.join("/", parts)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /**
     * Writes every path variable as {@code {}}. A segment holding a variable and more ({@code {feedToken}.ics}) is a
     * whole-segment variable for API Gateway, whose route variables always span a whole segment.
     */
    static String normalize(String path) {
        StringBuilder normalized = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            normalized.append('/').append(VARIABLE.matcher(segment).find() ? "{}" : segment);
        }
        return normalized.length() == 0 ? "/" : normalized.toString();
    }
}
