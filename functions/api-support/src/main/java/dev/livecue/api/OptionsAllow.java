package dev.livecue.api;

import java.util.Set;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An OPTIONS answer names the methods its path takes (RFC 9110), the same list a 405 gives: RESTEasy's own OPTIONS
 * answer lists every method of the resource class, so {@code OPTIONS /v1/schedules} offered DELETE and PATCH.
 */
public class OptionsAllow {

    @ServerResponseFilter
    public void allow(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        Set<String> allowed = AllowedMethods.ofCurrentRequest();
        if (!allowed.isEmpty()) {
            response.getHeaders().putSingle(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
    }
}
