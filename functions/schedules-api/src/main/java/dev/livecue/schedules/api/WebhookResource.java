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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.livecue.core.auth.CurrentCaller;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.webhook.CreatedSubscription;
import dev.livecue.core.webhook.DeliveryAttempt;
import dev.livecue.core.webhook.NewSubscription;
import dev.livecue.core.webhook.RotatedSecret;
import dev.livecue.core.webhook.SubscriptionService;
import dev.livecue.core.webhook.SubscriptionView;

@Path("/v1/webhooks")
@Tag(name = "Webhook subscriptions", description = "Signed (Standard Webhooks) deliveries of Livecue's events to automation tools")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    SubscriptionService webhooks;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to event types; the signing secret is shown once",
            description = "https only, no credentials, IP literals in canonical form, and every address the host resolves to "
                    + "must be public unicast.")
    @APIResponse(responseCode = "201", description = "Subscribed, with the signing secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedSubscription.class)))
    public Response create(NewSubscription request) {
        CreatedSubscription created = webhooks.create(caller.creatorId(), request);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Operation(summary = "List the creator's subscriptions (status active or disabled; no secrets)")
    public Page<SubscriptionView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return webhooks.list(caller.creatorId(), PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a subscription; pending deliveries to it are dropped")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(caller.creatorId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a webhook.test event now and return the attempt", description = "Not retried if it fails.")
    public DeliveryAttempt test(@PathParam("id") String id) {
        return webhooks.sendTest(caller.creatorId(), id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first: every attempt and every message not sent")
    public Page<DeliveryAttempt> deliveries(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(caller.creatorId(), id, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Issue a new signing secret; for 24 h deliveries carry signatures with both")
    public RotatedSecret rotateSecret(@PathParam("id") String id) {
        return webhooks.rotateSecret(caller.creatorId(), id);
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Turn a disabled subscription back on")
    public SubscriptionView enable(@PathParam("id") String id) {
        return webhooks.enable(caller.creatorId(), id);
    }
}
