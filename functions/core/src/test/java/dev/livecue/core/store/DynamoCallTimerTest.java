package dev.livecue.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link DynamoCallTimer} adds to a request's tally, against a loopback server standing in for DynamoDB that
 * takes a known time to answer, and fails or stalls on demand (so the SDK retries).
 */
class DynamoCallTimerTest {

    private static final Duration SERVER_TIME = Duration.ofMillis(40);
    /** Well above the answer's time, so that on a loaded machine only the stalled attempt times out. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(400);
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("CREATOR#1"));

    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final AtomicInteger stallsBeforeAnswering = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private LoopbackDynamo dynamo;

    @BeforeEach
    void startSlowDynamo() {
        dynamo = LoopbackDynamo.start(this::answer);
    }

    @AfterEach
    void stopSlowDynamo() {
        dynamo.close();
    }

    @Test
    void calls_shouldAddTheirTimeInFlightToTheRequestBeingServed() {
        RequestDynamoTime tally = new RequestDynamoTime();
        long started = System.nanoTime();
        try (DynamoDbClient client = client(() -> tally)) {
            client.getItem(r -> r.tableName("livecue").key(KEY));
            client.getItem(r -> r.tableName("livecue").key(KEY));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(2, tally.calls());
        assertTrue(tally.inFlight().compareTo(SERVER_TIME.multipliedBy(2)) >= 0, "in flight " + tally.inFlight());
        // building the client, marshalling and signing happen outside the span
        assertTrue(tally.inFlight().compareTo(wall) < 0, "in flight " + tally.inFlight() + ", wall " + wall);
    }

    @Test
    void retriedCall_shouldCountEachAttempt() {
        RequestDynamoTime tally = new RequestDynamoTime();
        failuresToAnswer.set(1);
        try (DynamoDbClient client = client(() -> tally)) {
            client.getItem(r -> r.tableName("livecue").key(KEY));
        }

        assertEquals(0, failuresToAnswer.get());
        assertEquals(2, tally.calls());
        assertTrue(tally.inFlight().compareTo(SERVER_TIME.multipliedBy(2)) >= 0, "in flight " + tally.inFlight());
    }

    @Test
    void attemptWithoutAnAnswer_shouldCountUntilTheSdkGaveUpOnIt() {
        RequestDynamoTime tally = new RequestDynamoTime();
        stallsBeforeAnswering.set(1);
        try (DynamoDbClient client = client(() -> tally, c -> c.apiCallAttemptTimeout(ATTEMPT_TIMEOUT))) {
            client.getItem(r -> r.tableName("livecue").key(KEY));
        }

        assertEquals(0, stallsBeforeAnswering.get());
        // the timed-out attempt and its answered retry (and, were the machine slow enough, a retry of the retry):
        // each attempt the server saw is counted once
        assertTrue(tally.calls() >= 2, "calls " + tally.calls());
        assertEquals(received.get(), tally.calls());
        assertTrue(tally.inFlight().compareTo(ATTEMPT_TIMEOUT.plus(SERVER_TIME)) >= 0, "in flight " + tally.inFlight());
    }

    @Test
    void callOutsideARequest_shouldBeServedWithNothingToAddTo() {
        try (DynamoDbClient client = client(() -> null)) {
            assertEquals("Ada", client.getItem(r -> r.tableName("livecue").key(KEY)).item().get("name").s());
        }
    }

    private DynamoDbClient client(Supplier<RequestDynamoTime> current) {
        return client(current, c -> { });
    }

    private DynamoDbClient client(Supplier<RequestDynamoTime> current, Consumer<ClientOverrideConfiguration.Builder> more) {
        return dynamo.client()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> more.accept(c.addExecutionInterceptor(new UrlConnectionKeepAlive())
                        .addExecutionInterceptor(new DynamoCallTimer(current))))
                .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            if (stallsBeforeAnswering.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(ATTEMPT_TIMEOUT.multipliedBy(4).toMillis());
            }
            Thread.sleep(SERVER_TIME.toMillis());
            if (failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                LoopbackDynamo.reply(exchange, 500, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"drill\"}");
            } else {
                LoopbackDynamo.reply(exchange, 200, "{\"Item\":{\"pk\":{\"S\":\"CREATOR#1\"},\"name\":{\"S\":\"Ada\"}}}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
