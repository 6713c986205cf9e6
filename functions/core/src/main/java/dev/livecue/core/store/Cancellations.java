package dev.livecue.core.store;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading why DynamoDB cancelled a transaction. */
final class Cancellations {

    private Cancellations() {
    }

    /** Whether another write to one of its items was under way at the same moment (DynamoDB lets neither wait). */
    static boolean conflicted(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).anyMatch("TransactionConflict"::equals);
    }
}
