package dev.livecue.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
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
 * (reminders being fired, events being fanned out), within 10 ms per reminder not yet delivered. Each kill is
 * followed by a fresh execution environment, as Lambda would start; after the last, one dispatcher ticks until
 * the work is done.
 */
final class KillDispatcherDrill {

    static final String NAME = "drill: kill -9 dispatcher";
    /**
     * The lease the drill's dispatcher takes on a delivery (default 2 min): what a killed dispatcher held comes due
     * again this soon. Still above an attempt's 15 s, so a slow send never loses its lease.
     */
    static final Duration LEASE = Duration.ofSeconds(20);
    private static final long SEED = 20_261_125L;

    private KillDispatcherDrill() {
    }

    static void run(Path repo, int due, int kills, ResultTable table) {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (DrillRun run = DrillRun.seed(repo, Optional.empty(), "kill", due)) {
            LambdaFunction dispatcher = run.dispatcher(Map.of("LIVECUE_WEBHOOKS_LEASE", LEASE.toString()));
            Random random = new Random(SEED);
            int killed = 0;
            for (int round = 0; killed < kills && !run.allAccepted() && round < 3 * kills; round++) {
                try (LambdaZipInvoker environment = LambdaZipInvoker.start(dispatcher)) {
                    int remaining = Math.max(1, run.due() - run.receiver().distinctDelivered());
                    boolean afterDeliveries = killed % 2 == 0;
                    int deliveries = 1 + random.nextInt(Math.max(1, remaining / 2));
                    long millis = 1 + random.nextInt(10 * remaining);
                    int requestsBefore = run.receiver().requests();
                    long started = System.nanoTime();
                    Future<?> tick = background.submit(() -> run.tick(environment));
                    while (!tick.isDone()) {
                        boolean now = afterDeliveries ? run.receiver().requests() - requestsBefore >= deliveries
                                : (System.nanoTime() - started) / 1_000_000 >= millis;
                        if (now) {
                            environment.kill();
                            killed++;
                            System.out.printf("killed the dispatcher %s%n", afterDeliveries
                                    ? "after " + deliveries + " deliveries of its tick" : millis + " ms into its tick");
                            break;
                        }
                        Thread.sleep(2);
                    }
                    tick.get();
                }
            }
            StoreAudit.Findings findings;
            try (LambdaZipInvoker environment = LambdaZipInvoker.start(dispatcher)) {
                findings = run.tickUntilDone(environment, LEASE.plus(Duration.ofMinutes(1)));
            }
            table.add(NAME, "dispatcher killed with SIGKILL (lease " + LEASE.toSeconds() + " s)", killed + " times", kills + "",
                    killed == kills);
            run.report(NAME, findings, table);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            background.shutdownNow();
        }
    }
}
