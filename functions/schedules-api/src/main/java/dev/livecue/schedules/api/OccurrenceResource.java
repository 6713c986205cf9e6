package dev.livecue.schedules.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceService;

@Path("/v1/occurrences")
@Tag(name = "Schedules")
@Produces(MediaType.APPLICATION_JSON)
public class OccurrenceResource {

    @Inject
    OccurrenceService occurrences;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Upcoming lives of all schedules by start (from: default now; to: default from + 30 days, at most 366)")
    public Page<Occurrence> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return occurrences.list(caller.creatorId(), from, to, PageRequest.of(limit, cursor));
    }
}
