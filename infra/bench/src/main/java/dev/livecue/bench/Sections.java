package dev.livecue.bench;

import java.util.List;

import dev.livecue.lambda.LambdaEvents.HttpResponse;

/** The benchmark's sections in run order, with full and smoke sizes. */
final class Sections {

    /** One section of the run: its short id (for {@code --only}), its title and what it runs. */
    record Section(String id, String name, Runner runner) {
        void run(BenchStack stack, String apiKey, ResultTable table) {
            runner.run(stack, apiKey, table);
        }
    }

    @FunctionalInterface
    interface Runner {
        void run(BenchStack stack, String apiKey, ResultTable table);
    }

    private Sections() {
    }

    /** Creates the creator the benchmark acts as, through the packaged schedules function; returns its API key. */
    static String setUp(BenchStack stack) {
        try (LambdaHttp schedules = LambdaHttp.start(stack.function("SchedulesApiFunction"))) {
            HttpResponse created = schedules.expect(201, "POST", "/v1/creators", BenchStack.ADMIN_TOKEN,
                    "{\"handle\":\"bench_owl\",\"displayName\":\"Bench Owl\",\"timeZone\":\"America/New_York\",\"locale\":\"en-US\"}");
            return created.json().path("apiKey").asText();
        }
    }

    static List<Section> all(Bench.BenchOptions options) {
        boolean smoke = options.smoke();
        return List.of(
                new Section("coldstart", "cold start", (stack, key, table) -> ColdStartBench.run(stack, key, options.coldRuns(), table)),
                new Section("warm", "warm latency", (stack, key, table) -> {
                    try (WarmEndpoints endpoints = WarmEndpoints.start(stack, key)) {
                        WarmLatencyBench.run(endpoints.endpoints(), options.warmup(), options.warmSamples(), table);
                    }
                }),
                new Section("memory", "memory", (stack, key, table) -> MemoryBench.run(stack.function("SchedulesApiFunction"), key,
                        WarmEndpoints.memoryMix(), smoke ? 50 : 10_000, table)),
                new Section("dispatch", "dispatch", (stack, key, table) -> DispatchBench.run(stack,
                        smoke ? List.of(200) : options.dispatchStored(), smoke ? 20 : options.dispatchDue(), smoke ? 2 : 100, table)),
                new Section("hostile", "hostile input", (stack, key, table) -> HostileInputDrill.run(stack, key, smoke ? 40 : 500, table)));
    }
}
