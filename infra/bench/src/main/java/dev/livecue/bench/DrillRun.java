package dev.livecue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.lambda.LambdaEvents;
import dev.livecue.lambda.LambdaFunction;
import dev.livecue.lambda.LambdaZipInvoker;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One fault drill's world: a stack of its own (so that everything in its table is the drill's), a loopback
 * receiver, creators subscribed to it, and reminders that are all due when the drill starts; then the packaged
 * dispatcher ticking until every due reminder reached the receiver and the store shows no work left, and the counts
 * a drill reports: what the receiver got, what was lost or repeated, and what the store says.
 */
final class DrillRun implements AutoCloseable {

    /**
     * The lease the drills' dispatchers take on a delivery (default 2 min): what a killed dispatcher, or one whose
     * DynamoDB went away, held comes due again this soon. Still above an attempt's 15 s, so a slow send never loses
     * its lease.
     */
    static final Duration LEASE = Duration.ofSeconds(20);
    /** A drill gives up when nothing reached the receiver for this long: longer than any lease left behind. */
    private static final Duration PATIENCE = LEASE.plus(Duration.ofMinutes(1));
    /** Due reminders per creator: a partition the audit reads in a few queries. */
    private static final int PER_CREATOR = 100;
    /** Ticks follow each other this quickly (EventBridge's minute, compressed). */
    private static final Duration TICK_EVERY = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the dispatcher's ticks reported: invocations, and the failures each kind of error left. */
    static final class Ticks {
        private final AtomicInteger invocations = new AtomicInteger();
        private final AtomicInteger failedInvocations = new AtomicInteger();
        private final AtomicInteger failedJobs = new AtomicInteger();
        private final AtomicLong failedItems = new AtomicLong();

        int invocations() {
            return invocations.get();
        }

        /**
         * Invocations that ended without a report (killed, or the handler threw), jobs that failed in a tick, and
         * items a job failed on: all of it was retried by later ticks.
         */
        String failures() {
            return failedInvocations.get() + " invocations ended without a report, " + failedJobs.get() + " jobs failed, "
                    + failedItems.get() + " items failed";
        }

        private void add(String report) {
            try {
                for (JsonNode job : JSON.readTree(report).path("jobs")) {
                    if (!job.path("error").isMissingNode() && !job.path("error").isNull()) {
                        failedJobs.incrementAndGet();
                    }
                    failedItems.addAndGet(job.path("counts").path("failed").asLong(0));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final BenchStack stack;
    private final LoopbackReceiver receiver;
    private final List<DueLives.Creator> creators;
    /** What the due reminders' messages are about ({@link DueLives#subjects}). */
    private final List<String> subjects;
    private final Instant lastDue;
    private final Ticks ticks = new Ticks();

    private DrillRun(BenchStack stack, LoopbackReceiver receiver, List<DueLives.Creator> creators, List<String> subjects,
            Instant lastDue) {
        this.stack = stack;
        this.receiver = receiver;
        this.creators = creators;
        this.subjects = subjects;
        this.lastDue = lastDue;
    }

    /**
     * Starts a stack ({@code dbDir}: file-backed) and plans lives for {@code due} reminders (rounded up to whole
     * lives) through the schedules function; they are all due after {@link #awaitDue()}.
     */
    static DrillRun seed(Path repo, Optional<Path> dbDir, String name, int due) {
        BenchStack stack = BenchStack.start(repo, dbDir);
        LoopbackReceiver receiver = null;
        try {
            receiver = new LoopbackReceiver();
            List<DueLives.Creator> creators = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            int lives = (due + DueLives.DUE_PER_LIVE - 1) / DueLives.DUE_PER_LIVE;
            Instant lastDue = Instant.now();
            try (LambdaHttp schedules = LambdaHttp.start(stack.function("SchedulesApiFunction"))) {
                for (int i = 0; i < Math.max(1, (lives + PER_CREATOR - 1) / PER_CREATOR); i++) {
                    creators.add(DueLives.creatorWithSubscription(schedules, name + "_" + i, receiver.url()));
                }
                for (int i = 0; i < lives; i++) {
                    String title = name + " live " + i;
                    lastDue = DueLives.planDueSoon(schedules, creators.get(i % creators.size()).apiKey(), title);
                    subjects.addAll(DueLives.subjects(title));
                }
            }
            return new DrillRun(stack, receiver, creators, subjects, lastDue);
        } catch (IOException | RuntimeException e) {
            if (receiver != null) {
                receiver.close();
            }
            stack.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Waits until every planned reminder is due (a drill starts its dispatcher first, to overlap the two). */
    void awaitDue() {
        DueLives.awaitDue(lastDue);
    }

    BenchStack stack() {
        return stack;
    }

    LoopbackReceiver receiver() {
        return receiver;
    }

    List<DueLives.Creator> creators() {
        return creators;
    }

    int due() {
        return subjects.size();
    }

    Ticks ticks() {
        return ticks;
    }

    /** The packaged dispatcher on this drill's stack, with the drills' {@link #LEASE} and {@code settings} added. */
    LambdaFunction dispatcher(Map<String, String> settings) {
        return stack.function("ReminderDispatchFunction")
                .withEnvironment(Map.of("LIVECUE_WEBHOOKS_LEASE", LEASE.toString()))
                .withEnvironment(settings);
    }

    /** Whether every due reminder reached the receiver with a 2xx answer. */
    boolean allAccepted() {
        return receiver.acceptedAll(subjects);
    }

    /** One tick of {@code dispatcher}; a killed or failing invocation is counted, not thrown. */
    void tick(LambdaZipInvoker dispatcher) {
        ticks.invocations.incrementAndGet();
        try {
            ticks.add(dispatcher.invoke(LambdaEvents.scheduled(Instant.now())).text());
        } catch (LambdaZipInvoker.LambdaFailedException e) {
            ticks.failedInvocations.incrementAndGet();
        }
    }

    /**
     * Ticks until every due reminder was accepted and the store has no due work left, or until nothing reached
     * the receiver for {@link #PATIENCE}; returns what the store says then.
     */
    StoreAudit.Findings tickUntilDone(LambdaZipInvoker dispatcher) {
        int seen = -1;
        Instant lastProgress = Instant.now();
        while (true) {
            tick(dispatcher);
            if (allAccepted()) {
                Optional<StoreAudit.Findings> findings = audit();
                if (findings.isPresent() && findings.get().settled()) {
                    return findings.get();
                }
            }
            if (receiver.requests() != seen) {
                seen = receiver.requests();
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).compareTo(PATIENCE) > 0) {
                return audit().orElseThrow(() -> new IllegalStateException("the drill's DynamoDB does not answer"));
            }
            sleep(TICK_EVERY);
        }
    }

    /** The store's findings, or empty while DynamoDB does not answer (a drill may have it down). */
    Optional<StoreAudit.Findings> audit() {
        try {
            return Optional.of(StoreAudit.audit(stack.client(), creators, Instant.now()));
        } catch (SdkException | IllegalStateException down) {
            return Optional.empty();
        }
    }

    /**
     * The rows every delivery drill reports: deliveries against due reminders, lost ones, duplicates and whether
     * they only ever repeated a message's {@code webhook-id}, and the store's invariants.
     */
    void report(String drill, StoreAudit.Findings findings, ResultTable table) {
        Map<String, LoopbackReceiver.Message> messages = receiver.messages();
        Map<String, Set<String>> idsBySubject = new HashMap<>();
        int accepted = 0;
        int duplicates = 0;
        for (Map.Entry<String, LoopbackReceiver.Message> message : messages.entrySet()) {
            int times = message.getValue().accepted();
            if (times > 0) {
                accepted += times;
                duplicates += times - 1;
                idsBySubject.computeIfAbsent(message.getValue().subject(), t -> new HashSet<>()).add(message.getKey());
            }
        }
        long lost = subjects.stream().filter(t -> !idsBySubject.containsKey(t)).count();
        long underTwoIds = idsBySubject.values().stream().filter(ids -> ids.size() > 1).count();
        table.add(drill, "due reminders / deliveries accepted / distinct webhook-ids",
                subjects.size() + " / " + accepted + " / " + idsBySubject.values().stream().mapToInt(Set::size).sum());
        table.add(drill, "lost (due reminders never delivered)", Long.toString(lost), "0", lost == 0);
        table.add(drill, "duplicates (a webhook-id delivered again)", Integer.toString(duplicates));
        table.add(drill, "reminders delivered under two webhook-ids", Long.toString(underTwoIds), "0", underTwoIds == 0);
        table.add(drill, "dispatcher ticks", ticks.invocations() + " (" + ticks.failures() + ")");
        table.add(drill, "half-written chains in the store", findings.consistent() ? "0" : findings.halfWritten(), "0",
                findings.consistent());
        table.add(drill, "due work left in the store", findings.settled() ? "0" : findings.leftOver(), "0", findings.settled());
    }

    /** What a drill's background work returned; its failure is the drill's. */
    static <T> T await(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        receiver.close();
        stack.close();
    }
}
