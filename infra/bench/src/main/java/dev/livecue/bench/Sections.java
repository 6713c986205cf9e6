package dev.livecue.bench;

import java.util.List;

import dev.livecue.lambda.LambdaEvents.HttpResponse;

/** The benchmark's sections in run order, with full and smoke sizes. */
final class Sections {

    /** One section of the run; {@code id} is what {@code --only} names, {@code drill} puts it in the drills group. */
    record Section(String id, boolean drill, Runner runner) {
    }

    @FunctionalInterface
    interface Runner {
        void run(Shared shared, ResultTable table);
    }

    /**
     * The stack the benchmarks share, with the creator they act as, started when a section first asks for it (the
     * fault drills bring stacks of their own, so a run of only drills never starts it).
     */
    static final class Shared implements AutoCloseable {
        private final Bench.BenchOptions options;
        private BenchStack stack;
        private String apiKey;

        Shared(Bench.BenchOptions options) {
            this.options = options;
        }

        BenchStack stack() {
            if (stack == null) {
                stack = BenchStack.start(options.repo(), java.util.Optional.empty());
                try (LambdaHttp schedules = LambdaHttp.start(stack.function(CREATOR_FUNCTION))) {
                    apiKey = setUp(schedules);
                }
            }
            return stack;
        }

        String apiKey() {
            stack();
            return apiKey;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** The function that serves {@code POST /v1/creators}. */
    static final String CREATOR_FUNCTION = "SchedulesApiFunction";

    private Sections() {
    }

    /** Creates the creator the benchmark acts as, through the packaged {@link #CREATOR_FUNCTION}; returns its API key. */
    static String setUp(LambdaHttp schedules) {
        HttpResponse created = schedules.expect(201, "POST", "/v1/creators", BenchStack.ADMIN_TOKEN,
                "{\"handle\":\"bench_owl\",\"displayName\":\"Bench Owl\",\"timeZone\":\"America/New_York\",\"locale\":\"en-US\"}");
        return created.json().path("apiKey").asText();
    }

    static List<Section> all(Bench.BenchOptions options) {
        boolean smoke = options.smoke();
        int drillDue = smoke ? 20 : options.drillDue();
        return List.of(
                new Section("cold-start", false, (shared, table) -> ColdStartBench.run(shared.stack(), shared.apiKey(), options.coldRuns(), table)),
                new Section("warm-latency", false, (shared, table) -> {
                    try (WarmEndpoints endpoints = WarmEndpoints.start(shared.stack(), shared.apiKey())) {
                        WarmLatencyBench.floor(endpoints.floor(), options.warmup(), options.warmSamples(), table);
                        WarmLatencyBench.run(endpoints.endpoints(), options.warmup(), options.warmSamples(), table);
                    }
                }),
                new Section("memory", false, (shared, table) -> MemoryBench.run(shared.stack().function("SchedulesApiFunction"),
                        shared.apiKey(), WarmEndpoints.memoryMix(), smoke ? 50 : 10_000, table)),
                new Section("dispatch", false, (shared, table) -> DispatchBench.run(shared.stack(),
                        smoke ? List.of(200) : options.dispatchStored(), smoke ? 20 : options.dispatchDue(), smoke ? 2 : 100, table)),
                new Section("hostile-input", true, (shared, table) -> HostileInputDrill.run(options.repo(), smoke ? 40 : 500, table)),
                new Section("kill-dispatcher", true, (shared, table) -> KillDispatcherDrill.run(options.repo(), drillDue,
                        smoke ? 3 : 10, table)),
                new Section("flaky-receiver", true, (shared, table) -> FlakyReceiverDrill.run(options.repo(),
                        Math.max(20, drillDue / 5), table)),
                new Section("dynamo-restart", true, (shared, table) -> DynamoRestartDrill.run(options.repo(),
                        Math.max(20, drillDue / 5), table)));
    }

    /** The sections {@code --only} selects: ids, or {@code drills} / {@code benchmarks} for a group; all without it. */
    static List<Section> selected(Bench.BenchOptions options) {
        List<String> only = options.only();
        List<Section> all = all(options);
        for (String name : only) {
            if (!name.equals("drills") && !name.equals("benchmarks") && all.stream().noneMatch(s -> s.id().equals(name))) {
                throw new IllegalArgumentException("--only " + name + ": not a section; sections are "
                        + all.stream().map(Section::id).toList() + ", groups drills and benchmarks");
            }
        }
        return all.stream().filter(s -> only.isEmpty() || only.contains(s.id())
                || only.contains(s.drill() ? "drills" : "benchmarks")).toList();
    }
}
