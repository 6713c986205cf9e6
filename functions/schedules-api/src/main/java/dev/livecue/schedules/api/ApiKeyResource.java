package dev.livecue.schedules.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.api.ApiDocsFilter;
import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.creator.ApiKey;
import dev.livecue.core.creator.ApiKeyService;
import dev.livecue.core.creator.IssuedApiKey;
import dev.livecue.core.creator.NewApiKey;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;

@Path("/v1/api-keys")
@Tag(name = "Creators and keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue another API key; the secret is shown once")
    @APIResponse(responseCode = "201", description = "Issued, with the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedApiKey.class)))
    public Response issue(@RequestBody(required = false, description = ApiDocsFilter.OPTIONAL_BODY) NewApiKey request) {
        return Response.status(Response.Status.CREATED).entity(keys.issue(caller.creatorId(), request)).build();
    }

    @GET
    @Operation(summary = "List the creator's API keys (prefixes only; current: the key of this request)")
    public Page<ApiKey> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return keys.list(caller.creatorId(), caller.get().keyId(), PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key; it is refused at once")
    @APIResponse(responseCode = "204", description = "Revoked: the key gets 401 from now on")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(caller.creatorId(), id);
        return Response.noContent().build();
    }
}
