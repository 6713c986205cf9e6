package dev.livecue.schedules.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.AdminOnly;
import dev.livecue.core.creator.CreatedCreator;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.creator.NewCreator;

@Path("/v1/creators")
@Tag(name = "Creators and keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreatorResource {

    @Inject
    CreatorService creators;

    @POST
    @AdminOnly
    @Operation(summary = "Create a creator (admin token); returns its first API key, shown once")
    @APIResponse(responseCode = "201", description = "Created, with its first API key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedCreator.class)))
    public Response create(NewCreator request) {
        CreatedCreator created = creators.create(request);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
