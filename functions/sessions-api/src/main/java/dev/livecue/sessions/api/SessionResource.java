package dev.livecue.sessions.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.api.ApiDocsFilter;
import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.session.CloseConfirmation;
import dev.livecue.core.session.CloseOut;
import dev.livecue.core.session.CloseRequest;
import dev.livecue.core.session.InterruptRequest;
import dev.livecue.core.session.Interruptions;
import dev.livecue.core.session.NewSession;
import dev.livecue.core.session.PreparedClose;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionService;

@Path("/v1/sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    CloseOut closeOut;

    @Inject
    Interruptions interruptions;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Go live (now, or at startedAt), optionally for a planned occurrence; raises session.started")
    @APIResponse(responseCode = "201", description = "Live",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    public Response start(@RequestBody(required = false, description = ApiDocsFilter.OPTIONAL_BODY) NewSession request) {
        return Response.status(Response.Status.CREATED).entity(sessions.start(caller.creatorId(), request)).build();
    }

    @GET
    @Operation(summary = "The lives that started in [from, to) (RFC 3339; default the last 30 days), by start")
    public Page<Session> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return sessions.list(caller.creatorId(), from, to, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One live")
    public Session get(@PathParam("id") String id) {
        return sessions.get(caller.creatorId(), id);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prepare the end: a goodbye script and a confirmation token; nothing ends yet (202)")
    @APIResponse(responseCode = "202", description = "Prepared; confirm with the token before it expires",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreparedClose.class)))
    public Response close(@PathParam("id") String id,
            @RequestBody(required = false, description = ApiDocsFilter.OPTIONAL_BODY) CloseRequest request) {
        PreparedClose prepared = closeOut.prepare(caller.creatorId(), id, request);
        return Response.accepted(prepared).build();
    }

    @POST
    @Path("{id}/close/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End the live with the confirmation token and its stats; raises session.closed")
    @APIResponse(responseCode = "200", description = "Closed (the same answer again for the same token)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    @APIResponse(responseCode = "409", description = "Not the session's current confirmation token, or the session is not live")
    @APIResponse(responseCode = "410", description = "The confirmation token expired: prepare the close again")
    public Session confirm(@PathParam("id") String id, CloseConfirmation request) {
        return closeOut.confirm(caller.creatorId(), id, request);
    }

    @POST
    @Path("{id}/interrupt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The live broke off: it ends as interrupted with a suggested make-up slot; raises session.interrupted")
    public Session interrupt(@PathParam("id") String id,
            @RequestBody(required = false, description = ApiDocsFilter.OPTIONAL_BODY) InterruptRequest request) {
        return interruptions.interrupt(caller.creatorId(), id, request);
    }
}
