package dev.livecue.schedules.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.schedule.Vacation;
import dev.livecue.core.schedule.VacationRequest;
import dev.livecue.core.schedule.VacationService;

@Path("/v1/vacation")
@Tag(name = "Schedules")
@Produces(MediaType.APPLICATION_JSON)
public class VacationResource {

    @Inject
    VacationService vacations;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The current vacation; 204 No Content when none is set (an ordinary state, not an error)")
    @APIResponse(responseCode = "200", description = "The vacation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Vacation.class)))
    @APIResponse(responseCode = "204", description = "No vacation is set")
    public Response get() {
        return vacations.current(caller.creatorId()).map(Response::ok).orElseGet(Response::noContent).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the vacation (both dates included): occurrences inside show cancelled and get no reminders")
    public Vacation set(VacationRequest request) {
        return vacations.set(caller.creatorId(), request);
    }

    @DELETE
    @Operation(summary = "End the vacation; reminders are planned again")
    @APIResponse(responseCode = "204", description = "Ended (or there was none)")
    public Response end() {
        vacations.end(caller.creatorId());
        return Response.noContent().build();
    }
}
