package dev.livecue.checks.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.connection.ConnectionCheck;
import dev.livecue.core.connection.ConnectionCheckService;
import dev.livecue.core.connection.NewConnectionCheck;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;

@Path("/v1/connection-checks")
@Tag(name = "Connection checks")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionCheckResource {

    @Inject
    ConnectionCheckService checks;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Judge the phone's connection measurements",
            description = "Answers a verdict, a 0..100 score, the findings, ordered steps and a recommendation. With the"
                    + " sessionId of a live, sustained poor checks open an incident: connection.degraded is raised once"
                    + " and the recommendation is end_and_reschedule until good checks close it (a good check while it"
                    + " recovers keeps its own advice).")
    @APIResponse(responseCode = "201", description = "Judged and stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectionCheck.class)))
    @APIResponse(responseCode = "404", description = "sessionId names no session of the caller's")
    public Response record(NewConnectionCheck request) {
        return Response.status(Response.Status.CREATED).entity(checks.record(caller.creatorId(), request)).build();
    }

    @GET
    @Operation(summary = "The creator's connection checks, newest first")
    public Page<ConnectionCheck> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return checks.list(caller.creatorId(), PageRequest.of(limit, cursor));
    }
}
