package dev.livecue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark and fault-drill harness: {@code java -jar infra/bench/target/livecue-bench.jar [--smoke] [--out FILE]}
 * from the repository root after {@code ./mvnw -B -DskipTests package}. Prints one table and writes it (with the
 * machine it ran on) to {@code infra/bench/results/latest.md}. {@code --smoke} runs every section with tiny counts
 * (what CI runs): its figures mean nothing, it only proves the harness works and the drills' criteria hold.
 * {@code --only drills} (or section ids) runs part of it, for example the fault drills alone.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String... args) throws IOException {
        BenchOptions options = BenchOptions.parse(args);
        ResultTable table = new ResultTable();
        Instant started = Instant.now();
        try (Sections.Shared shared = new Sections.Shared(options)) {
            for (Sections.Section section : Sections.selected(options)) {
                System.out.println("== " + section.id());
                long sectionStarted = System.nanoTime();
                try {
                    section.runner().run(shared, table);
                } catch (RuntimeException e) {
                    // one broken section must not lose the figures of the others: it is reported as failed
                    e.printStackTrace();
                    table.add(section.id(), "section failed", e.toString(), "runs to the end", false);
                }
                System.out.printf("== %s took %d s%n", section.id(), (System.nanoTime() - sectionStarted) / 1_000_000_000L);
            }
        }
        String report = "Run " + started.truncatedTo(ChronoUnit.SECONDS) + " (" + (options.smoke() ? "smoke" : "full")
                + ", `java -jar infra/bench/target/livecue-bench.jar " + String.join(" ", args) + "`"
                + ", " + Duration.between(started, Instant.now()).toSeconds() + " s) on " + Machine.describe() + "\n\n" + table.markdown();
        System.out.println(report);
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), report);
        System.out.println("written to " + options.out());
    }

    /**
     * {@code dispatchDue}: how many reminders are due in each dispatch round (the target scenario is 10000; fewer
     * makes a shorter run). {@code drillDue}: reminders due in the kill drill (the others use a fifth).
     * {@code only}: section ids or groups to run (all when empty). {@code coldRuns}, {@code warmup},
     * {@code warmSamples}: cold starts per function and warm requests per endpoint (by default the smoke or full
     * run's counts).
     */
    /**
     * Requests per endpoint before warm latency is sampled. The Lambda runtime's JIT stops at C1, which compiles a
     * method after ~200 calls: after only 200 requests, methods called once per request are still waiting to be
     * compiled, which is not what a warm function serving steady traffic runs.
     */
    static final int WARM_UP_REQUESTS = 1000;

    record BenchOptions(Path repo, Path out, boolean smoke, int dispatchDue, List<Integer> dispatchStored, int drillDue,
            List<String> only, int coldRuns, int warmup, int warmSamples) {

        static BenchOptions parse(String... args) {
            Path repo = Path.of("").toAbsolutePath();
            Path out = null;
            boolean smoke = false;
            int dispatchDue = 10_000;
            List<Integer> dispatchStored = List.of(20_000, 200_000);
            int drillDue = 5_000;
            List<String> only = List.of();
            int coldRuns = 0;
            int warmup = 0;
            int warmSamples = 0;
            List<String> rest = new ArrayList<>(List.of(args));
            for (int i = 0; i < rest.size(); i++) {
                switch (rest.get(i)) {
                    case "--smoke" -> smoke = true;
                    case "--out" -> out = Path.of(rest.get(++i));
                    case "--repo" -> repo = Path.of(rest.get(++i)).toAbsolutePath();
                    case "--dispatch-due" -> dispatchDue = Integer.parseInt(rest.get(++i));
                    case "--dispatch-stored" -> dispatchStored = java.util.Arrays.stream(rest.get(++i).split(","))
                            .map(Integer::valueOf).toList();
                    case "--drill-due" -> drillDue = Integer.parseInt(rest.get(++i));
                    case "--only" -> only = List.of(rest.get(++i).split(","));
                    case "--cold-runs" -> coldRuns = Integer.parseInt(rest.get(++i));
                    case "--warm-up" -> warmup = Integer.parseInt(rest.get(++i));
                    case "--warm-samples" -> warmSamples = Integer.parseInt(rest.get(++i));
                    default -> throw new IllegalArgumentException("unknown option " + rest.get(i)
                            + "; usage: java -jar livecue-bench.jar [--smoke] [--out FILE] [--repo DIR] [--dispatch-due N] [--dispatch-stored A,B]"
                            + " [--drill-due N] [--only SECTION,...|drills|benchmarks] [--cold-runs N] [--warm-up N] [--warm-samples N]");
                }
            }
            return new BenchOptions(repo, out != null ? out : repo.resolve("infra/bench/results/latest.md"), smoke, dispatchDue, dispatchStored,
                    drillDue, only, coldRuns > 0 ? coldRuns : smoke ? 1 : 5, warmup > 0 ? warmup : smoke ? 5 : WARM_UP_REQUESTS,
                    warmSamples > 0 ? warmSamples : smoke ? 20 : 600);
        }
    }
}
