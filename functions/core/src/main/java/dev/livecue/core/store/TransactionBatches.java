package dev.livecue.core.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes many small units of work (each a few items that belong together, such as a reminder's claim and its event)
 * in as few TransactWriteItems calls as DynamoDB's item limit allows, instead of one call each. A transaction is
 * all or nothing, so a unit whose condition fails (another dispatcher got there first) is left out and the call
 * sent again without it; a conflict with a write under way is sent again after a short pause, a few times.
 */
final class TransactionBatches {

    private static final int MAX_CONFLICTS = 3;

    private TransactionBatches() {
    }

    /**
     * One answer per unit, in order: whether it was written (false: a condition of one of its items failed). A call
     * that fails for another reason ends the batch with {@link PartialWriteException}, which says what the calls
     * before it wrote.
     */
    static List<Boolean> write(DynamoDbClient dynamo, List<List<TransactWriteItem>> units) {
        List<List<Integer>> calls = new ArrayList<>();
        List<Integer> call = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < units.size(); i++) {
            if (!call.isEmpty() && items + units.get(i).size() > DynamoLimits.TRANSACTION_ITEMS) {
                calls.add(call);
                call = new ArrayList<>();
                items = 0;
            }
            call.add(i);
            items += units.get(i).size();
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        List<Boolean> written = new ArrayList<>(Collections.nCopies(units.size(), false));
        for (List<Integer> each : calls) {
            try {
                writeCall(dynamo, units, each, written);
            } catch (RuntimeException e) {
                if (written.contains(true)) {
                    throw new PartialWriteException(written, e);
                }
                throw e;
            }
        }
        return written;
    }

    /** Writes the units at {@code call} in one transaction, leaving out those whose condition fails. */
    private static void writeCall(DynamoDbClient dynamo, List<List<TransactWriteItem>> units, List<Integer> call,
            List<Boolean> written) {
        List<Integer> pending = new ArrayList<>(call);
        for (int conflicts = 0; !pending.isEmpty();) {
            List<TransactWriteItem> all = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int unit : pending) {
                all.addAll(units.get(unit));
                owners.addAll(Collections.nCopies(units.get(unit).size(), unit));
            }
            try {
                dynamo.transactWriteItems(t -> t.transactItems(all));
                pending.forEach(unit -> written.set(unit, true));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                Set<Integer> failed = new HashSet<>();
                for (int item = 0; item < reasons.size() && item < owners.size(); item++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(item).code())) {
                        failed.add(owners.get(item));
                    }
                }
                if (failed.isEmpty()) {
                    if (!Cancellations.conflicted(e) || ++conflicts > MAX_CONFLICTS) {
                        throw e;
                    }
                    Cancellations.pauseAfterConflict(conflicts, "writing a batch of transactions");
                }
                pending.removeAll(failed);
            }
        }
    }
}
