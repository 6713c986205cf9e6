package dev.livecue.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.error.Problem;
import dev.livecue.core.idempotency.IdempotencyService;
import dev.livecue.core.idempotency.NewIds;
import dev.livecue.core.idempotency.StoredResponse;

/**
 * Applies {@link IdempotencyService} to every POST that carries an {@code Idempotency-Key}: replays a stored
 * response before the endpoint runs, and stores the endpoint's response, serialized here once, so the replay is
 * byte for byte what the first caller got.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String CLAIM = "livecue.idempotency.claim";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    IdempotencyService service;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Inject
    NewIds ids;

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(IdempotencyService.HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !caller.isPresent()) {
            return;
        }
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        IdempotencyService.Outcome outcome = service.begin(caller.get(), request.getMethod(),
                request.getUriInfo().getPath(), key, body);
        outcome.claim().ifPresent(claim -> {
            request.setProperty(CLAIM, claim);
            ids.claimed(claim);
        });
        outcome.replay().ifPresent(stored -> {
            Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
            if (stored.body() != null) {
                replay.entity(stored.body()).type(stored.mediaType());
            }
            if (stored.location() != null) {
                replay.header(HttpHeaders.LOCATION, stored.location());
            }
            request.abortWith(replay.build());
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyService.Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        String problemType = response.getEntity() instanceof Problem problem ? problem.type() : null;
        String body = null;
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        if (response.hasEntity()) {
            body = serialize(response.getEntity());
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        service.finish(claim, new StoredResponse(response.getStatus(), body, type.toString(), location), problemType);
    }

    private String serialize(Object entity) {
        if (entity instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
