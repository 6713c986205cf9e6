package dev.livecue.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStatus;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How starting and ending a session read DynamoDB's refusals, answered as DynamoDB answers them by a loopback server: DynamoDB
 * Local runs one transaction at a time, so it never reports the conflict of two under way at once, which real
 * DynamoDB does.
 */
class SessionStoreConflictTest {

    /** Stands for what goes with the session (its event, the planned live's status). */
    private static final TransactWriteItem ALONGSIDE = TransactWriteItem.builder().conditionCheck(c -> c.tableName("livecue")
            .key(Map.of("pk", AttributeValue.fromS("x"))).conditionExpression("attribute_exists(pk)")).build();

    private LoopbackDynamo dynamo;
    private String reasons;
    /** How many transactions are refused before one is written; every one when negative. */
    private int refusals = -1;
    private final AtomicInteger received = new AtomicInteger();

    @BeforeEach
    void startRefusingDynamo() {
        dynamo = LoopbackDynamo.start(this::refuse);
    }

    @AfterEach
    void stopRefusingDynamo() {
        dynamo.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ConditionalCheckFailed|None",   // another confirmation was written first
            "TransactionConflict|None",      // another confirmation was being written at that moment
            "None|TransactionConflict"})     // the planned live's status was being written at that moment
    void end_shouldBeAConcurrentUpdate_whenAnotherWriteCameFirstOrWasUnderWay(String session, String alongside) {
        reasons = "[{\"Code\":\"" + session + "\"},{\"Code\":\"" + alongside + "\"}]";
        try (DynamoDbClient client = client()) {
            assertThrows(ConcurrentUpdateException.class, () -> store(client).end("cr_1", ended(), 1, List.of(ALONGSIDE)));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ValidationError|None", "ThrottlingError|None"})
    void end_shouldFail_whenDynamoRefusedForAnyOtherReason(String session, String alongside) {
        reasons = "[{\"Code\":\"" + session + "\"},{\"Code\":\"" + alongside + "\"}]";
        try (DynamoDbClient client = client()) {
            assertThrows(TransactionCanceledException.class, () -> store(client).end("cr_1", ended(), 1, List.of(ALONGSIDE)));
        }
    }

    @Test
    void start_shouldBeSentAgain_whenAnotherWriteToThePlannedLiveWasUnderWay() {
        // GIVEN DynamoDB reports a conflict on the planned live's status twice, then writes the transaction
        reasons = "[{\"Code\":\"None\"},{\"Code\":\"TransactionConflict\"}]";
        refusals = 2;
        try (DynamoDbClient client = client()) {
            // WHEN a live starts THEN it is written, on the third send
            store(client).create("cr_1", started(), Instant.parse("2027-01-11T07:00:00Z"), List.of(ALONGSIDE));
        }
        assertEquals(3, received.get());
    }

    @Test
    void start_shouldBeAConcurrentUpdate_whenEverySendMeetsAnotherWrite() {
        reasons = "[{\"Code\":\"None\"},{\"Code\":\"TransactionConflict\"}]";
        try (DynamoDbClient client = client()) {
            assertThrows(ConcurrentUpdateException.class,
                    () -> store(client).create("cr_1", started(), Instant.parse("2027-01-11T07:00:00Z"), List.of(ALONGSIDE)));
        }
        assertEquals(3, received.get(), "a few sends, not a loop");
    }

    @Test
    void start_shouldBeAConcurrentUpdateAtOnce_whenAnotherSessionMadeThePlannedLiveLiveFirst() {
        // the write alongside that makes the occurrence live is conditional on it not being live yet
        reasons = "[{\"Code\":\"None\"},{\"Code\":\"ConditionalCheckFailed\"}]";
        try (DynamoDbClient client = client()) {
            assertThrows(ConcurrentUpdateException.class,
                    () -> store(client).create("cr_1", started(), Instant.parse("2027-01-11T07:00:00Z"), List.of(ALONGSIDE)));
        }
        assertEquals(1, received.get(), "sending it again cannot help");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ConditionalCheckFailed|None|AlreadyCreatedException",
            "None|ValidationError|TransactionCanceledException"})
    void start_shouldFailAtOnce_whenDynamoRefusedForAnyOtherReason(String session, String alongside, String thrown) {
        // the session's own id taken is an earlier attempt of its request (NewIds), anything else a failure
        reasons = "[{\"Code\":\"" + session + "\"},{\"Code\":\"" + alongside + "\"}]";
        try (DynamoDbClient client = client()) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> store(client).create("cr_1", started(), Instant.parse("2027-01-11T07:00:00Z"), List.of(ALONGSIDE)));
            assertEquals(thrown, e.getClass().getSimpleName());
        }
        assertEquals(1, received.get());
    }

    private static Session started() {
        return Session.started("ses_1", null, null, null, Instant.parse("2027-01-10T19:00:00Z"), null);
    }

    private static Session ended() {
        Instant start = Instant.parse("2027-01-10T19:00:00Z");
        return Session.started("ses_1", null, null, null, start, null)
                .ended(SessionStatus.CLOSED, "planned", start.plus(Duration.ofHours(1)), start.plus(Duration.ofDays(90)), null, null, null);
    }

    private static SessionStore store(DynamoDbClient client) {
        return new SessionStore(client, new LivecueConfig() {
            @Override
            public String table() {
                return "livecue";
            }

            @Override
            public Optional<String> adminToken() {
                return Optional.empty();
            }

            @Override
            public Idempotency idempotency() {
                return null;
            }
        }, new ObjectMapper());
    }

    private DynamoDbClient client() {
        return dynamo.client()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    private void refuse(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (received.incrementAndGet() > refusals && refusals >= 0) {
                LoopbackDynamo.reply(exchange, 200, "{}");
                return;
            }
            LoopbackDynamo.reply(exchange, 400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
                    + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons\","
                    + "\"CancellationReasons\":" + reasons + "}");
        }
    }
}
