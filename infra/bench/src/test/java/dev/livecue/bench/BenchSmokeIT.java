package dev.livecue.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's tiny run of the benchmark: every section runs against the real packaged functions and DynamoDB Local and
 * reports its rows. Its figures are not judged (a shared CI machine says nothing about speed); what a smoke run
 * can judge is correctness, which must hold at any speed: no 5xx for hostile input, and every due reminder
 * delivered end to end.
 */
class BenchSmokeIT {

    @Test
    void everySectionRunsAndHostileInputNeverGetsA5xx_andEveryDueReminderIsDelivered(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("smoke.md");
        Bench.main("--smoke", "--repo", System.getProperty("livecue.root"), "--out", out.toString());
        String report = Files.readString(out);
        for (String section : new String[] {"| cold start |", "| warm latency |", "| memory |", "| fault drill |"}) {
            assertTrue(report.contains(section), section + " missing from\n" + report);
        }
        assertTrue(report.contains("| fault drill | hostile requests answered 5xx | 0 |"), report);
        // reminders planned through the packaged schedules function reach a loopback receiver through the
        // packaged dispatcher, all of them in one run
        assertTrue(report.lines().anyMatch(line -> line.startsWith("| dispatch |") && line.contains("delivered in one run")
                && line.endsWith("| yes |")), report);
    }
}
