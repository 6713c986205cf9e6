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
 * Times each DynamoDB attempt in flight and adds it to the current HTTP request's {@link RequestDynamoTime}: from
 * handing the signed request to the HTTP client until the response's status and headers are back (the span of the
 * SDK's {@code ServiceCallDuration} metric: the wire and DynamoDB, not marshalling, signing or unmarshalling), or,
 * for an attempt that got no answer (a timeout, a dropped connection), until the SDK gave up on it: its retry, or
 * the call's failure. Outside an HTTP request (the dispatcher, a startup) there is no tally and nothing is kept.
 */
@ApplicationScoped
public class DynamoCallTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Attempt> ATTEMPT = new ExecutionAttribute<>("livecue.dynamo.attempt");

    private final Supplier<RequestDynamoTime> current;

    /** The call's latest attempt: when it was sent, and whether it is still waiting for its answer. */
    private static final class Attempt {
        private long sentAt;
        private boolean open;
    }

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
        Attempt attempt = attributes.getAttribute(ATTEMPT);
        if (attempt == null) {
            attempt = new Attempt();
            attributes.putAttribute(ATTEMPT, attempt);
        }
        close(attempt);
        attempt.sentAt = System.nanoTime();
        attempt.open = true;
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        close(attributes.getAttribute(ATTEMPT));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        close(attributes.getAttribute(ATTEMPT));
    }

    /** Counts the attempt if it is still open (an unanswered one is closed by the next attempt or the failure). */
    private void close(Attempt attempt) {
        if (attempt == null || !attempt.open) {
            return;
        }
        attempt.open = false;
        RequestDynamoTime tally = current.get();
        if (tally != null) {
            tally.add(System.nanoTime() - attempt.sentAt);
        }
    }
}
