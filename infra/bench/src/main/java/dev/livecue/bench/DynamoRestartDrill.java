package dev.livecue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import dev.livecue.lambda.LambdaZipInvoker;

/**
 * DynamoDB Local, keeping its data in files, restarted while the dispatcher works through a run of due reminders:
 * twice, half a second into the first tick (reminders being fired) and once a third of the messages reached the
 * receiver (deliveries being recorded). The dispatcher's calls fail while it is down; later ticks must pick the work
 * up again. Checked: every item that existed before a restart exists after it, every reminder is delivered under one
 * {@code webhook-id}, and no chain of writes is half-done.
 */
final class DynamoRestartDrill {

    static final String NAME = "drill: DynamoDB Local restarted";

    private DynamoRestartDrill() {
    }

    static void run(Path repo, int due, ResultTable table) {
        Path dbDir = createTempDirectory();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (DrillRun run = DrillRun.seed(repo, Optional.of(dbDir), "restart", due);
                LambdaZipInvoker dispatcher = LambdaZipInvoker.start(
                        run.dispatcher(Map.of()))) {
            run.awaitDue();
            long started = System.nanoTime();
            Future<StoreAudit.Findings> ticking = background.submit(
                    () -> run.tickUntilDone(dispatcher));
            List<String> restarts = new ArrayList<>();
            long keysChecked = 0;
            long keysLost = 0;
            List<BooleanSupplier> moments = List.of(() -> System.nanoTime() - started >= 500_000_000L,
                    () -> run.receiver().distinctDelivered() >= Math.max(1, run.due() / 3));
            for (BooleanSupplier moment : moments) {
                while (!moment.getAsBoolean() && !ticking.isDone()) {
                    DrillRun.sleep(Duration.ofMillis(5));
                }
                if (ticking.isDone()) {
                    break;
                }
                Set<String> before = StoreAudit.keys(run.stack().client(), run.creators());
                restarts.add(String.format(java.util.Locale.ROOT, "%.1f s into the run, %d messages delivered",
                        (System.nanoTime() - started) / 1e9, run.receiver().distinctDelivered()));
                run.stack().restartDynamo();
                Set<String> after = new HashSet<>(StoreAudit.keys(run.stack().client(), run.creators()));
                keysChecked += before.size();
                keysLost += before.stream().filter(key -> !after.contains(key)).count();
            }
            StoreAudit.Findings findings = DrillRun.await(ticking);
            table.add(NAME, "restarts of the file-backed DynamoDB Local", restarts.size() + " (" + String.join("; ", restarts) + ")");
            table.add(NAME, "items written before a restart, missing after it", keysLost + " of " + keysChecked, "0",
                    keysLost == 0 && !restarts.isEmpty());
            run.report(NAME, findings, table);
        } finally {
            background.shutdownNow();
            deleteTree(dbDir);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("livecue-drill-dynamodb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
