package dev.livecue.schedules.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.auth.PublicEndpoint;
import dev.livecue.core.calendar.CalendarFeed;
import dev.livecue.core.calendar.CalendarService;

@Path("/v1/calendar")
@Tag(name = "Schedules")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar";

    @Inject
    CalendarService calendar;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The creator's calendar feed link (issued on first use)")
    public CalendarFeed feed() {
        return calendar.feed(caller.creatorId());
    }

    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a new feed token; the old link stops working at once")
    public CalendarFeed rotate() {
        return calendar.rotate(caller.creatorId());
    }

    @GET
    @Path("{token}.ics")
    @PublicEndpoint
    @SecurityRequirementsSet // none: the token in the path is the secret
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "iCalendar (RFC 5545) feed of the creator's lives; no API key, the token is the secret")
    public Response ics(@PathParam("token") String token) {
        return Response.ok(calendar.render(token), TEXT_CALENDAR + "; charset=utf-8")
                .header("Cache-Control", "private, max-age=300")
                .header("Content-Disposition", "inline; filename=\"livecue.ics\"")
                .build();
    }
}
