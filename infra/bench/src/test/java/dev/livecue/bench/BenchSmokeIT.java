package dev.livecue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's tiny run of the benchmark: every section runs against the real packaged functions and DynamoDB Local and
 * reports its rows. Its figures are not judged (a shared CI machine says nothing about speed); what a smoke run
 * can judge is correctness, which must hold at any speed: no 5xx for hostile input and nothing stored by a refused
 * request, every due reminder delivered end to end, and in the fault drills nothing lost, duplicates only under the
 * first delivery's webhook-id, every message delivered through a failing receiver, nothing lost or half-written
 * across DynamoDB restarts.
 */
class BenchSmokeIT {

    private static final List<String> DRILLS = List.of(KillDispatcherDrill.NAME, FlakyReceiverDrill.NAME, DynamoRestartDrill.NAME);

    @Test
    void everySectionRunsAndHostileInputNeverGetsA5xx_andEveryDueReminderIsDelivered_andTheDrillsLoseNothing(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("smoke.md");
        Bench.main("--smoke", "--repo", System.getProperty("livecue.root"), "--out", out.toString());
        String report = Files.readString(out);
        for (String section : new String[] {"| cold start |", "| warm latency |", "| memory |", "| fault drill |"}) {
            assertTrue(report.contains(section), section + " missing from\n" + report);
        }
        assertTrue(report.contains("| fault drill | hostile requests answered 5xx | 0 |"), report);
        assertTrue(report.contains("| fault drill | items stored by refused requests | 0 |"), report);
        // reminders planned through the packaged schedules function reach a loopback receiver through the
        // packaged dispatcher, all of them in one run
        assertTrue(report.lines().anyMatch(line -> line.startsWith("| dispatch |") && line.contains("delivered in one run")
                && line.endsWith("| yes |")), report);
        // with what the dispatcher's own tick report says that run cost in DynamoDB
        assertTrue(report.lines().anyMatch(line -> line.startsWith("| dispatch |") && line.contains("calls per delivered reminder")
                && line.contains("TransactWriteItems")), report);
        for (String drill : DRILLS) {
            for (String criterion : new String[] {"lost (due reminders never delivered) | 0 |",
                    "reminders delivered under two webhook-ids | 0 |", "half-written chains in the store | 0 |",
                    "due work left in the store | 0 |"}) {
                assertTrue(report.contains("| " + drill + " | " + criterion), drill + ": " + criterion + "\n" + report);
            }
        }
        assertTrue(report.contains("| " + FlakyReceiverDrill.NAME + " | attempts the store recorded / requests received |"), report);
        assertTrue(report.contains("| " + DynamoRestartDrill.NAME + " | items written before a restart, missing after it | 0 of"), report);
        // every drill row with a target meets it; only how many kills the tiny run got to is not a correctness matter
        List<String> unmet = report.lines().filter(line -> line.startsWith("| drill: ") && line.endsWith("| **no** |")
                && !line.contains("killed with SIGKILL")).toList();
        assertEquals(List.of(), unmet, report);
    }
}
