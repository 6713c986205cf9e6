package dev.livecue.sessions.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.session.NewSession;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionService;

@Path("/v1/sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Go live (now, or at startedAt); raises session.started")
    public Response start(NewSession request) {
        return Response.status(Response.Status.CREATED).entity(sessions.start(caller.creatorId(), request)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One live")
    public Session get(@PathParam("id") String id) {
        return sessions.get(caller.creatorId(), id);
    }
}
