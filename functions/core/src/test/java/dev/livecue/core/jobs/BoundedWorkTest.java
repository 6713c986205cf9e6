package dev.livecue.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a job reports, and whether its window may close, when its items run in batches. */
class BoundedWorkTest {

    @Test
    void runBatches_shouldCountEachItem_andLeaveWhatABatchDidNotReach_andFailAWholeBatchThatThrew() {
        List<List<String>> batches = List.of(List.of("a", "b", "c"), List.of("d", "e"), List.of("boom", "f"));

        BoundedWork.Result result = BoundedWork.runBatches("test", batches, 2, Duration.ofMinutes(1), batch -> {
            if (batch.contains("boom")) {
                throw new IllegalStateException("DynamoDB went away");
            }
            // the first batch handles all three (one without a label); the second runs out of time after one
            return batch.size() == 3 ? Arrays.asList("fired", null, "expired") : List.of("fired");
        });

        assertEquals(Map.of("fired", 2L, "expired", 1L), result.counts());
        assertEquals(1, result.left(), "'e' was never reached");
        assertEquals(2, result.failed(), "both items of the batch that threw");
        assertFalse(result.complete());
        assertEquals(Map.of("fired", 2L, "expired", 1L, "left", 1L, "failed", 2L), result.report());
    }

    @Test
    void run_shouldCountOneLabelPerItem_andCompleteWhenAllWereHandled() {
        List<String> seen = new ArrayList<>();

        BoundedWork.Result result = BoundedWork.run("test", List.of(1, 2, 3, 4), 1, Duration.ofMinutes(1), n -> {
            seen.add("item " + n);
            return n % 2 == 0 ? "even" : null;
        });

        assertEquals(List.of("item 1", "item 2", "item 3", "item 4"), seen);
        assertEquals(Map.of("even", 2L), result.counts());
        assertTrue(result.complete());
    }

    @Test
    void runBatches_shouldStartNothing_onceTheBudgetIsSpent() {
        BoundedWork.Result result = BoundedWork.runBatches("test", List.of(List.of("a"), List.of("b")), 1, Duration.ZERO,
                batch -> List.of("fired"));

        assertEquals(Map.of(), result.counts());
        assertEquals(2, result.left());
    }
}
