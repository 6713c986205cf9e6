package dev.livecue.schedules.api;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.livecue.core.creator.CreatorPatch;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.creator.Creator;
import dev.livecue.core.creator.CreatorService;

@Path("/v1/me")
@Tag(name = "Creators and keys")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CreatorService creators;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The calling creator's profile and defaults")
    public Creator get() {
        return creators.get(caller.creatorId());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change profile and defaults (merge patch: null resets a field to its default)")
    public Creator update(@RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatorPatch.class)),
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = CreatorPatch.class)) })
            JsonNode patch) {
        return creators.update(caller.creatorId(), patch);
    }
}
