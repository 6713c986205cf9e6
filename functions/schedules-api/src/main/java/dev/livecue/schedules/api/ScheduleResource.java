package dev.livecue.schedules.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.schedule.NewSchedule;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceMove;
import dev.livecue.core.schedule.OccurrenceService;
import dev.livecue.core.schedule.ScheduleDetails;
import dev.livecue.core.schedule.ScheduleService;

@Path("/v1/schedules")
@Tag(name = "Schedules")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    ScheduleService schedules;

    @Inject
    OccurrenceService occurrences;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a live or a series (RRULE); answers the next occurrences and quality warnings")
    @APIResponse(responseCode = "201", description = "Planned; Location names the new schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleDetails.class)))
    public Response create(NewSchedule request) {
        ScheduleDetails created = schedules.create(caller.creatorId(), request);
        return Response.status(Response.Status.CREATED).header("Location", "/v1/schedules/" + created.schedule().id())
                .entity(created).build();
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a schedule without saving it: the same rules, next occurrences and warnings as creating it",
            description = "200 with what POST /v1/schedules would answer, minus the ids; 400 naming each invalid field. "
                    + "Nothing is stored, so an app can call it as the creator types.")
    public ScheduleDetails preview(NewSchedule request) {
        return schedules.preview(caller.creatorId(), request);
    }

    @GET
    @Operation(summary = "List the creator's schedules")
    public Page<ScheduleDetails> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return schedules.list(caller.creatorId(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One schedule, with its next occurrences, warnings and pending reminders")
    public ScheduleDetails get(@PathParam("id") String id) {
        return schedules.get(caller.creatorId(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a schedule (merge patch); the lives to come and their pending reminders follow",
            description = "Occurrences already live, held or missed keep the start, title and duration they had; cancelled"
                    + " and moved ones keep their state while the series still plans their date.")
    public ScheduleDetails update(@PathParam("id") String id, JsonNode patch) {
        return schedules.update(caller.creatorId(), id, patch);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel the series and its pending reminders",
            description = "Its lives that happened (live, held, missed) stay in past windows of /v1/occurrences and in analytics.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    public Response delete(@PathParam("id") String id) {
        schedules.delete(caller.creatorId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/occurrences/{occurrenceId}/cancel")
    @Operation(summary = "Skip one occurrence; its pending reminders are cancelled")
    public Occurrence cancel(@PathParam("id") String id, @PathParam("occurrenceId") String occurrenceId) {
        return occurrences.cancel(caller.creatorId(), id, occurrenceId);
    }

    @PATCH
    @Path("{id}/occurrences/{occurrenceId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Move one occurrence (within 30 days) without touching the series; its reminders are re-planned")
    public Occurrence move(@PathParam("id") String id, @PathParam("occurrenceId") String occurrenceId, OccurrenceMove move) {
        return occurrences.move(caller.creatorId(), id, occurrenceId, move);
    }
}
