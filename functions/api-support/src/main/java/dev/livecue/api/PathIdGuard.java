package dev.livecue.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.validation.PossibleIds;

/**
 * Answers 404 for a path id that no Livecue id could ever be (too long, or characters ids never have) before any
 * code sees it ({@link PossibleIds}): a hostile id is simply a resource that does not exist.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PathIdGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!PossibleIds.possible(value)) {
                    throw ApiException.notFound(parameter.getKey());
                }
            }
        }
    }
}
