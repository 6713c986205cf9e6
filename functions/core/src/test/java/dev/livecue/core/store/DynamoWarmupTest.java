package dev.livecue.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The cold-start warm-up walks every operation the stores use through the real SDK client, answered in memory: if
 * the SDK stopped accepting the canned answer for one of them, the warm-up would silently stop warming that path.
 */
class DynamoWarmupTest {

    @Test
    void warm_shouldAnswerEveryOperationInMemory_withoutAnyOfThemFailing() {
        // GetItem, PutItem, UpdateItem, DeleteItem, Query, TransactWriteItems, BatchGetItem
        assertEquals(7, DynamoWarmup.warm());
    }
}
