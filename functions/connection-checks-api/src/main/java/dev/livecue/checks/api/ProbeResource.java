package dev.livecue.checks.api;

import java.io.InputStream;

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

import dev.livecue.core.connection.ProbeService;
import dev.livecue.core.connection.ProbeService.UploadResult;

/** Payloads the companion app times to measure download and upload before it posts a check. */
@Path("/v1/connection-checks/probe")
@Tag(name = "Connection checks")
public class ProbeResource {

    @Inject
    ProbeService probes;

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download probe: N random (incompressible) bytes, N from 0 to 4194304")
    public Response download(@QueryParam("bytes") String bytes) {
        return Response.ok(probes.download(bytes)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload probe: up to 4194304 bytes of anything, answered with receivedBytes and serverMs")
    @APIResponse(responseCode = "200", description = "Received and discarded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadResult.class)))
    @APIResponse(responseCode = "413", description = "More than 4194304 bytes")
    public Response upload(InputStream body) {
        return Response.ok(probes.upload(body)).header("Cache-Control", "no-store").build();
    }
}
