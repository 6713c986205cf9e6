package dev.livecue.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.livecue.lambda.LambdaEvents.HttpResponse;
import dev.livecue.lambda.SamFunction;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Malformed and hostile requests against every route of every HTTP function in the template, through the Lambda
 * handler path: no answer may be a 5xx, and a request that is refused must leave the table as it was. The drill
 * runs on a stack of its own, whose table holds only its creator and what the requests stored: counting the whole
 * table before and after each request is then cheap, and still sees anything a request stored anywhere (global
 * lookups included).
 */
final class HostileInputDrill {

    /** Path parameter values an attacker tries: traversal, injection, encodings (some broken), sizes, another creator's id. */
    private static final List<String> PATH_VALUES = List.of("..%2F..%2Fetc%2Fpasswd", "%00", "'%20OR%201%3D1--",
            "x".repeat(2048), "%F0%9F%92%A9", "cr_notmine", "-1", "%25%32%65", "%zz", "a|b");

    /** Query strings an attacker tries on every route: a cursor no list made, limits and windows out of range. */
    private static final List<String> QUERIES = List.of("", "?cursor=Z2FyYmFnZQ", "?limit=0&cursor=!!", "?limit=99999999999",
            "?from=9999-99-99&to=x", "?bytes=-1", "?cursor=V0VCSE9PSyN4");

    /** Bodies that must never be accepted by any endpoint. */
    private static final List<String> BODIES = List.of("{", "[]", "\"text\"", "null", "{\"title\":", "{\"a\":".repeat(2000),
            "{\"start\":123,\"timeZone\":[],\"uploadMbps\":\"NaN\",\"stats\":{\"peakViewers\":-1}}",
            "{\"title\":\"" + "A".repeat(100_000) + "\"}", "{\"events\":[\"live.reminder\"],\"url\":\"http://169.254.169.254/\"}",
            "{\"\u0000\":1}", "\u00ff\u00fe garbage",
            "{\"title\":\"Live\",\"start\":\"2030-01-01T10:00\",\"title\":\"Other\",\"networkType\":\"wifi\",\"networkType\":\"cellular\"}");

    static void run(Path repo, int requests, ResultTable table) {
        try (BenchStack stack = BenchStack.start(repo, Optional.empty())) {
            Map<String, LambdaHttp> running = new TreeMap<>();
            try {
                LambdaHttp schedules = LambdaHttp.start(stack.function(Sections.CREATOR_FUNCTION));
                running.put(Sections.CREATOR_FUNCTION, schedules);
                run(stack, Sections.setUp(schedules), running, requests, table);
            } finally {
                running.values().forEach(LambdaHttp::close);
            }
        }
    }

    /** {@code running}: the functions' execution environments, started as the requests reach them. */
    private static void run(BenchStack stack, String apiKey, Map<String, LambdaHttp> running, int requests, ResultTable table) {
        List<Target> targets = new ArrayList<>();
        for (SamFunction function : stack.template().functions().values()) {
            for (SamFunction.Route route : function.httpRoutes()) {
                targets.add(new Target(function.id(), route));
            }
        }
        long storedByRefused = 0;
        long storedByAccepted = 0;
        Map<String, Integer> byClass = new TreeMap<>();
        List<String> fiveHundreds = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Target target = targets.get(i % targets.size());
            LambdaHttp lambda = running.computeIfAbsent(target.function(), id -> LambdaHttp.start(stack.function(id)));
            String path = target.route().path().replaceAll("\\{[^}]+}", PATH_VALUES.get(i % PATH_VALUES.size()))
                    + QUERIES.get(i % QUERIES.size());
            String body = BODIES.get(i % BODIES.size());
            String bearer = i % 10 == 9 ? "lc_forged" : apiKey;
            long before = itemCount(stack);
            HttpResponse response = lambda.call(target.route().method(), path, bearer, body).response();
            long stored = itemCount(stack) - before;
            byClass.merge(response.status() / 100 + "xx", 1, Integer::sum);
            String line = target.route().method() + " " + path.substring(0, Math.min(60, path.length())) + " -> " + response.status();
            if (response.status() >= 500) {
                fiveHundreds.add(line);
            }
            if (response.status() < 400) {
                accepted.add(line);
                storedByAccepted += stored;
            } else {
                storedByRefused += stored;
            }
        }
        table.add("fault drill", "hostile requests over " + targets.size() + " routes", requests + " sent, " + byClass);
        table.add("fault drill", "hostile requests answered 5xx", Integer.toString(fiveHundreds.size()), "0", fiveHundreds.isEmpty());
        table.add("fault drill", "items stored by refused requests", Long.toString(storedByRefused), "0", storedByRefused == 0);
        // some hostile requests are valid after all (listed below): those may rightly store something
        table.add("fault drill", "items stored by the " + accepted.size() + " accepted requests", Long.toString(storedByAccepted));
        if (!fiveHundreds.isEmpty() || !accepted.isEmpty()) {
            System.out.println("5xx: " + fiveHundreds + "\naccepted (2xx/3xx): " + accepted);
        }
    }

    private record Target(String function, SamFunction.Route route) {
    }

    /** Counting the whole (small, the drill's own) table: a drill's check, never a request path. */
    private static long itemCount(BenchStack stack) {
        return stack.client().scanPaginator(s -> s.tableName(BenchStack.TABLE).select(Select.COUNT)).stream()
                .mapToLong(page -> page.count()).sum();
    }
}
