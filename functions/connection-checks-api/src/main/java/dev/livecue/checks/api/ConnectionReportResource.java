package dev.livecue.checks.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.connection.ConnectionReport;
import dev.livecue.core.connection.ConnectionReportService;
import dev.livecue.core.page.PageRequest;

@Path("/v1/sessions/{id}/connection-report")
@Tag(name = "Connection checks")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionReportResource {

    @Inject
    ConnectionReportService reports;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "A live's connection: overall verdict, min/median/p95 per metric, incidents, timeline",
            description = "Statistics and incidents cover every check of the live; the timeline is paged with limit"
                    + " (default 50, max 200) and cursor, in the order the checks were measured.")
    public ConnectionReport report(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return reports.report(caller.creatorId(), id, PageRequest.of(limit, cursor));
    }
}
