package dev.livecue.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper.RequestMatch;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * The methods the current request's path answers to, for a 405's {@code Allow} header (RFC 9110 makes it a MUST).
 * RESTEasy Reactive answers 405 when another method's route matches the path, but throws its
 * {@code NotAllowedException} without the list; this asks the same routes the same question, method by method.
 */
final class AllowedMethods {

    private AllowedMethods() {
    }

    /** Sorted method names; empty when no resource class matches the path. */
    static Set<String> ofCurrentRequest() {
        Set<String> allowed = new TreeSet<>();
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return allowed;
        }
        // built per call: only a 405 gets here, and the routes are the deployment's own
        RequestMapper<InitialMatch> classes = new RequestMapper<>(request.getDeployment().getClassMappers());
        String path = request.getPathWithoutPrefix();
        for (RequestMatch<InitialMatch> match = classes.map(path); match != null; match = classes.continueMatching(path, match)) {
            String remaining = match.remaining == null || match.remaining.isEmpty() ? "/" : match.remaining;
            for (ServerRestHandler handler : match.value.handlers) {
                if (handler instanceof ClassRoutingHandler routes) {
                    routes.getMappers().entrySet().stream()
                            .filter(route -> route.getKey() != null && matchesWhole(route, remaining))
                            .forEach(route -> allowed.add(route.getKey()));
                }
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    private static boolean matchesWhole(Map.Entry<String, RequestMapper<RuntimeResource>> route, String path) {
        RequestMatch<RuntimeResource> match = route.getValue().map(path);
        return match != null && (match.remaining == null || match.remaining.isEmpty() || "/".equals(match.remaining));
    }
}
