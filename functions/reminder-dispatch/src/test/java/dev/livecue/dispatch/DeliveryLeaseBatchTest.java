package dev.livecue.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.store.DeliveryStore;
import dev.livecue.core.store.Keys;
import dev.livecue.core.webhook.Delivery;
import dev.livecue.core.webhook.DeliveryAttempt;
import dev.livecue.core.webhook.Outcome;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Recording a batch of attempts and handing back unsent deliveries, against DynamoDB Local: leases decide, one
 * delivery at a time, even when many are written in one transaction.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class DeliveryLeaseBatchTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    DeliveryStore deliveries;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void release_shouldRecordEveryAttemptWhoseLeaseIsHeld_andLogALostOneOnItsOwn() {
        // GIVEN three deliveries leased to dispatcher A, one of which B took over after A's lease ran out
        String creatorId = "cr_" + UUID.randomUUID();
        String subscriptionId = "wh_" + UUID.randomUUID();
        List<Delivery> leased = List.of(delivery(creatorId, subscriptionId), delivery(creatorId, subscriptionId),
                delivery(creatorId, subscriptionId));
        leasedTo("lease_a", leased);
        assertTrue(claim(leased.get(1), "lease_b", NOW.plus(LEASE).plusSeconds(1)));

        // WHEN A records its three attempts together
        List<Boolean> held = deliveries.release(leased.stream()
                .map(d -> deliveries.settle(d, "lease_a", attempt(d), Outcome.DELIVERED)).toList());

        // THEN the two it still held are settled, the third is left to B, and all three attempts are in the log
        assertEquals(List.of(true, false, true), held);
        assertEquals(false, claim(leased.get(0), "lease_c", NOW.plus(LEASE.multipliedBy(3))), "settled: never due again");
        assertEquals(false, claim(leased.get(1), "lease_c", NOW.plus(LEASE).plusSeconds(2)), "still B's");
        assertEquals(3, deliveries.attempts(creatorId, subscriptionId, PageRequest.of(null, null)).items().size());
    }

    @Test
    void handBack_shouldMakeUnsentDeliveriesDueAtOnce_forAnotherPass() {
        // GIVEN two deliveries leased to A, which another pass cannot claim before the lease ends
        String creatorId = "cr_" + UUID.randomUUID();
        List<Delivery> leased = List.of(delivery(creatorId, "wh_1"), delivery(creatorId, "wh_2"));
        leasedTo("lease_a", leased);
        assertEquals(false, claim(leased.get(0), "lease_b", NOW.plusSeconds(1)));

        // WHEN A's time runs out and it hands them back
        deliveries.handBack(leased, "lease_a", NOW.plusSeconds(1));

        // THEN another pass claims them at once; A no longer holds them
        assertTrue(claim(leased.get(0), "lease_b", NOW.plusSeconds(2)));
        assertTrue(claim(leased.get(1), "lease_b", NOW.plusSeconds(2)));
        assertEquals(List.of(false), deliveries.release(List.of(deliveries.settle(leased.get(0), "lease_a",
                attempt(leased.get(0)), Outcome.DELIVERED))));
    }

    private void leasedTo(String owner, List<Delivery> leased) {
        dynamo.transactWriteItems(t -> t.transactItems(leased.stream()
                .map(d -> deliveries.createLeasedWrite(d, owner, NOW, NOW.plus(LEASE))).toList()));
    }

    private boolean claim(Delivery delivery, String owner, Instant at) {
        return deliveries.claim(Keys.creator(delivery.creatorId()),
                Keys.DELIVERY_PREFIX + delivery.eventId() + "#" + delivery.subscriptionId(), owner, at, at.plus(LEASE)).isPresent();
    }

    private static Delivery delivery(String creatorId, String subscriptionId) {
        String eventId = SecretTokens.id("evt_");
        return new Delivery(creatorId, eventId, subscriptionId, "msg_" + eventId, "live.reminder", "{}", 0, NOW, null);
    }

    private static DeliveryAttempt attempt(Delivery delivery) {
        return new DeliveryAttempt(SecretTokens.id("att_"), delivery.messageId(), delivery.eventId(), delivery.eventType(),
                1, NOW.plusSeconds(1), 200, null, 12, Outcome.DELIVERED, null);
    }
}
