package dev.livecue.core.store;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times each DynamoDB attempt in flight, from handing the signed request to the HTTP client until the response's
 * status and headers are back (the span the SDK's {@code ServiceCallDuration} metric covers: the wire and DynamoDB,
 * not marshalling, signing or reading the already received body), and adds it to the current HTTP request's
 * {@link RequestDynamoTime}. Outside an HTTP request (the dispatcher, a startup) there is none and nothing is kept.
 */
@ApplicationScoped
public class DynamoCallTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("livecue.dynamo.sentAt");

    private final Supplier<RequestDynamoTime> current;

    @Inject
    DynamoCallTimer(RequestDynamoTime perRequest) {
        this(() -> Arc.container().requestContext().isActive() ? perRequest : null);
    }

    /** {@code current} gives the tally of the request being served, or {@code null} when there is none. */
    DynamoCallTimer(Supplier<RequestDynamoTime> current) {
        this.current = current;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT_AT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        long inFlight = System.nanoTime() - attributes.getAttribute(SENT_AT);
        RequestDynamoTime tally = current.get();
        if (tally != null) {
            tally.add(inFlight);
        }
    }
}
