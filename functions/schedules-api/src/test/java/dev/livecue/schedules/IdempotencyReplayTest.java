package dev.livecue.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.livecue.core.auth.Caller;
import dev.livecue.core.error.ProblemType;
import dev.livecue.core.idempotency.IdempotencyService;
import dev.livecue.core.idempotency.StoredResponse;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Which answers an {@code Idempotency-Key} keeps, against DynamoDB Local: the request's own outcome is replayed,
 * while a failure or a clash with another request's write at the same moment lets the same key run again.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class IdempotencyReplayTest {

    private static final byte[] BODY = "{\"occurrenceId\":\"sch_1.2027-01-01\"}".getBytes(StandardCharsets.UTF_8);

    @Inject
    IdempotencyService idempotency;

    @ParameterizedTest
    @CsvSource({
            "201, , true",
            "409, CONFLICT, true",
            "404, NOT_FOUND, true",
            "409, CONCURRENT_UPDATE, false",
            "500, INTERNAL, false",
            "503, UNAVAILABLE, false"})
    void secondRequest_shouldReplayTheFirstAnswer_unlessItMayDifferWhenRunAgain(int status, ProblemType problem, boolean replayed) {
        // GIVEN a first request with a key finished with this answer
        Caller caller = Caller.creator("cr_" + UUID.randomUUID(), "key_1");
        String key = UUID.randomUUID().toString();
        IdempotencyService.Outcome first = idempotency.begin(caller, "POST", "/v1/sessions", key, BODY);
        assertTrue(first.claim().isPresent());
        idempotency.finish(first.claim().get(), new StoredResponse(status, "{}", "application/json", null),
                problem == null ? null : problem.uri());

        // WHEN the same request comes again with the same key
        IdempotencyService.Outcome second = idempotency.begin(caller, "POST", "/v1/sessions", key, BODY);

        // THEN it is answered from the store, or runs again
        assertEquals(replayed, second.replay().isPresent(), "replayed");
        assertEquals(!replayed, second.claim().isPresent(), "runs again");
        second.replay().ifPresent(stored -> assertEquals(status, stored.status()));
    }
}
