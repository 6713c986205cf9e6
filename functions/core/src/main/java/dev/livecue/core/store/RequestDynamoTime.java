package dev.livecue.core.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.RequestScoped;

/**
 * The DynamoDB calls one HTTP request made and how long they were in flight (see {@link DynamoCallTimer}), for its
 * access-log line and its {@code Server-Timing} header: at 3 a.m. the first question about a slow request is
 * whether the database was slow.
 */
@RequestScoped
public class RequestDynamoTime {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    void add(long inFlightNanos) {
        calls.incrementAndGet();
        nanos.addAndGet(inFlightNanos);
    }

    /** Attempts sent to DynamoDB so far, answered or not (a retried call counts each attempt). */
    public int calls() {
        return calls.get();
    }

    public Duration inFlight() {
        return Duration.ofNanos(nanos.get());
    }
}
