package dev.livecue.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.livecue.lambda.LambdaZipInvoker;

/**
 * A receiver that answers 500 half the time: every message must still be delivered, by the retry schedule. The
 * refusals are deterministic: each message is refused 0, 1 or 2 times (by its {@code webhook-id}'s hash) before it
 * is accepted, which makes half of all requests fail while no message needs more attempts than the schedule has.
 * The contract's waits (5 s, 5 min, 30 min, ...) are compressed for the drill's dispatcher.
 */
final class FlakyReceiverDrill {

    static final String NAME = "drill: receiver answers 500 half the time";
    /** The drill's retry schedule: the contract's ten attempts, with waits of seconds instead of minutes and hours. */
    static final String RETRY_DELAYS = "PT1S,PT2S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S,PT3S";
    private static final int MAX_REFUSALS = 2;

    private FlakyReceiverDrill() {
    }

    static void run(Path repo, int due, ResultTable table) {
        try (DrillRun run = DrillRun.seed(repo, Optional.empty(), "flaky", due)) {
            run.receiver().refuse((id, refusedBefore) -> refusedBefore < Math.floorMod(id.hashCode(), MAX_REFUSALS + 1));
            StoreAudit.Findings findings;
            try (LambdaZipInvoker dispatcher = LambdaZipInvoker.start(
                    run.dispatcher(Map.of("LIVECUE_WEBHOOKS_RETRY_DELAYS", RETRY_DELAYS)))) {
                run.awaitDue();
                findings = run.tickUntilDone(dispatcher);
            }
            int requests = run.receiver().requests();
            int refused = run.receiver().messages().values().stream().mapToInt(LoopbackReceiver.Message::refused).sum();
            table.add(NAME, "retry waits of the drill's dispatcher (contract: PT5S,PT5M,PT30M,...)", RETRY_DELAYS);
            table.add(NAME, "requests received / answered 500", requests + " / " + refused
                    + String.format(java.util.Locale.ROOT, " (%.0f %%)", 100.0 * refused / Math.max(1, requests)));
            table.add(NAME, "attempts the store recorded / requests received", findings.attemptsRecorded() + " / " + requests,
                    "equal", findings.attemptsRecorded() == requests);
            run.report(NAME, findings, table);
        }
    }
}
