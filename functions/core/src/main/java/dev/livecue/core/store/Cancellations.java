package dev.livecue.core.store;

import java.time.Duration;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading why DynamoDB cancelled a transaction. */
final class Cancellations {

    private static final Duration CONFLICT_PAUSE = Duration.ofMillis(20);

    private Cancellations() {
    }

    /** Whether another write to one of its items was under way at the same moment (DynamoDB lets neither wait). */
    static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).anyMatch("TransactionConflict"::equals);
    }

    /** Whether one of its writes from the {@code from}-th on found its item not as its condition expected. */
    static boolean conditionFailed(TransactionCanceledException e, int from) {
        return e.cancellationReasons().stream().skip(from).map(CancellationReason::code).anyMatch("ConditionalCheckFailed"::equals);
    }

    /** Whether its {@code index}-th write found its item not as its condition expected. */
    static boolean conditionFailedAt(TransactionCanceledException e, int index) {
        return e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    /**
     * Waits before a transaction cancelled for the {@code n}-th time over a write under way is sent again: long
     * enough for that write to finish, a little longer each time.
     */
    static void pauseAfterConflict(int n, String during) {
        Pause.sleep(CONFLICT_PAUSE.multipliedBy(n), during);
    }
}
