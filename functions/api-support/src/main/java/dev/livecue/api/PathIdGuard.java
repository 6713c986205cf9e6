package dev.livecue.api;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.livecue.core.error.ApiException;

/**
 * Answers 404 for a path id that no Livecue id could ever be (too long, or characters ids never have) before any
 * code sees it. Ids become DynamoDB key parts, and DynamoDB refuses keys over 1 KB with an error that would
 * otherwise surface as a 500; a hostile id is simply a resource that does not exist.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PathIdGuard implements ContainerRequestFilter {

    /** Every id and token Livecue issues: base64url or prefixed random ids, dates and dots, a file suffix. */
    private static final Pattern POSSIBLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,160}");

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!POSSIBLE_ID.matcher(value).matches()) {
                    throw ApiException.notFound(parameter.getKey());
                }
            }
        }
    }
}
