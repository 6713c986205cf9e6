package dev.livecue.sessions.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.analytics.Analytics;
import dev.livecue.core.analytics.AnalyticsService;
import dev.livecue.core.auth.CurrentCaller;

@Path("/v1/analytics")
@Tag(name = "Analytics")
public class AnalyticsResource {

    static final String CSV = "text/csv; charset=utf-8; header=present";

    @Inject
    AnalyticsService analytics;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Totals, punctuality, schedule adherence, best slots and a weekly series over [from, to)",
            description = "Instead of from and to, weeks=N (1 to 52) is the last N Monday-to-Sunday weeks in the creator's "
                    + "time zone up to now, this week included; the answer's from and to say which window that was.")
    public Analytics get(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("weeks") String weeks) {
        return analytics.analytics(caller.creatorId(), from, to, weeks);
    }

    @GET
    @Path("sessions.csv")
    @Produces("text/csv")
    @Operation(summary = "One CSV row per session that started in [from, to) (or the last weeks=N weeks), for spreadsheets")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("weeks") String weeks) {
        return Response.ok(analytics.csv(caller.creatorId(), from, to, weeks), CSV)
                .header("Content-Disposition", "attachment; filename=\"sessions.csv\"").build();
    }
}
