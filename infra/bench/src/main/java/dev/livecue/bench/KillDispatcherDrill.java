package dev.livecue.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.livecue.lambda.LambdaFunction;
import dev.livecue.lambda.LambdaZipInvoker;

/**
 * {@code kill -9} of the dispatcher in the middle of its work, again and again, with a run of due reminders: every
 * reminder must still reach the receiver, and a repeated delivery must carry the {@code webhook-id} of the first
 * (receivers drop duplicates by it). Kills alternate between two moments: after a random number of the tick's
 * deliveries reached the receiver (leases held, messages sent but not recorded), and at a random moment of the tick
 * (reminders being fired, deliveries being sent), within 10 ms per reminder not yet delivered; both spread over the
 * kills still to make, so that all of them land while work is left. Each kill is followed by a fresh execution
 * environment, as Lambda would start; after the last, one dispatcher ticks until the work is done.
 */
final class KillDispatcherDrill {

    static final String NAME = "drill: kill -9 dispatcher";
    private static final long SEED = 20_261_125L;

    private KillDispatcherDrill() {
    }

    static void run(Path repo, int due, int kills, ResultTable table) {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (DrillRun run = DrillRun.seed(repo, Optional.empty(), "kill", due)) {
            LambdaFunction dispatcher = run.dispatcher(Map.of());
            Random random = new Random(SEED);
            List<String> moments = new ArrayList<>();
            for (int round = 0; moments.size() < kills && !run.allAccepted() && round < 3 * kills; round++) {
                try (LambdaZipInvoker environment = LambdaZipInvoker.start(dispatcher)) {
                    run.awaitDue();
                    int remaining = Math.max(1, run.due() - run.receiver().distinctDelivered());
                    int killsLeft = kills - moments.size();
                    boolean afterDeliveries = moments.size() % 2 == 0;
                    int deliveries = 1 + random.nextInt(Math.max(1, remaining / (2 * killsLeft)));
                    long millis = 1 + random.nextInt(Math.max(1, 10 * remaining / killsLeft));
                    int requestsBefore = run.receiver().requests();
                    long started = System.nanoTime();
                    Future<?> tick = background.submit(() -> run.tick(environment));
                    while (!tick.isDone()) {
                        boolean now = afterDeliveries ? run.receiver().requests() - requestsBefore >= deliveries
                                : (System.nanoTime() - started) / 1_000_000 >= millis;
                        if (now) {
                            environment.kill();
                            moments.add(afterDeliveries ? "after " + deliveries + " deliveries" : "at " + millis + " ms");
                            System.out.println("killed the dispatcher " + moments.get(moments.size() - 1) + " of its tick");
                            break;
                        }
                        DrillRun.sleep(Duration.ofMillis(2));
                    }
                    DrillRun.await(tick);
                }
            }
            StoreAudit.Findings findings;
            try (LambdaZipInvoker environment = LambdaZipInvoker.start(dispatcher)) {
                findings = run.tickUntilDone(environment);
            }
            table.add(NAME, "dispatcher killed with SIGKILL (lease " + DrillRun.LEASE.toSeconds() + " s), moments in its tick",
                    moments.size() + " times (" + String.join(", ", moments) + ")", kills + "", moments.size() == kills);
            run.report(NAME, findings, table);
        } finally {
            background.shutdownNow();
        }
    }
}
