package dev.livecue.api;

import dev.livecue.core.auth.Authenticator;
import dev.livecue.core.auth.AdminOnly;
import dev.livecue.core.auth.PublicEndpoint;
import dev.livecue.core.auth.Caller;
import dev.livecue.core.auth.CurrentCaller;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.MDC;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.ProblemType;

/**
 * Authenticates every matched endpoint: a creator's API key unless the endpoint is {@link AdminOnly} (admin
 * token) or {@link PublicEndpoint}. Keys are checked against the store on every call, so a revoked key stops
 * working at once.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Context
    ResourceInfo resource;

    @Inject
    CurrentCaller current;

    @Inject
    Authenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || annotated(method, PublicEndpoint.class)) {
            return;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "Send 'Authorization: Bearer <key>'");
        }
        String token = header.substring(BEARER.length()).strip();
        Caller caller = annotated(method, AdminOnly.class) ? authenticator.admin(token) : authenticator.creator(token);
        if (!caller.admin()) {
            MDC.put("creatorId", caller.creatorId());
        }
        current.set(caller);
    }

    private static boolean annotated(Method method, Class<? extends Annotation> annotation) {
        return method.isAnnotationPresent(annotation) || method.getDeclaringClass().isAnnotationPresent(annotation);
    }
}
