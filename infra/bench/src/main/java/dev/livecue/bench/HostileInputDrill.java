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
 * runs on a stack of its own, whose table holds only its creator: counting the whole table before and after is
 * then cheap, and still sees anything a request stored anywhere (global lookups included).
 */
final class HostileInputDrill {

    /** Path parameter values an attacker tries: traversal, injection, encodings, sizes, another creator's id. */
    private static final List<String> PATH_VALUES = List.of("..%2F..%2Fetc%2Fpasswd", "%00", "'%20OR%201%3D1--",
            "x".repeat(2048), "%F0%9F%92%A9", "cr_notmine", "-1", "%25%32%65");

    /** Bodies that must never be accepted by any endpoint. */
    private static final List<String> BODIES = List.of("{", "[]", "\"text\"", "null", "{\"title\":", "{\"a\":".repeat(2000),
            "{\"start\":123,\"timeZone\":[],\"uploadMbps\":\"NaN\",\"stats\":{\"peakViewers\":-1}}",
            "{\"title\":\"" + "A".repeat(100_000) + "\"}", "{\"events\":[\"live.reminder\"],\"url\":\"http://169.254.169.254/\"}",
            "{\"\u0000\":1}", "\u00ff\u00fe garbage");

    static void run(Path repo, int requests, ResultTable table) {
        try (BenchStack stack = BenchStack.start(repo, Optional.empty())) {
            run(stack, Sections.setUp(stack), requests, table);
        }
    }

    private static void run(BenchStack stack, String apiKey, int requests, ResultTable table) {
        List<Target> targets = new ArrayList<>();
        for (SamFunction function : stack.template().functions().values()) {
            for (SamFunction.Route route : function.httpRoutes()) {
                targets.add(new Target(function.id(), route));
            }
        }
        long before = itemCount(stack);
        Map<String, Integer> byClass = new TreeMap<>();
        List<String> fiveHundreds = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        Map<String, LambdaHttp> running = new TreeMap<>();
        try {
            for (int i = 0; i < requests; i++) {
                Target target = targets.get(i % targets.size());
                LambdaHttp lambda = running.computeIfAbsent(target.function(), id -> LambdaHttp.start(stack.function(id)));
                String path = target.route().path().replaceAll("\\{[^}]+}", PATH_VALUES.get(i % PATH_VALUES.size()));
                String body = BODIES.get(i % BODIES.size());
                String bearer = i % 10 == 9 ? "lc_forged" : apiKey;
                HttpResponse response = lambda.call(target.route().method(), path, bearer, body).response();
                byClass.merge(response.status() / 100 + "xx", 1, Integer::sum);
                String line = target.route().method() + " " + path.substring(0, Math.min(60, path.length())) + " -> " + response.status();
                if (response.status() >= 500) {
                    fiveHundreds.add(line);
                } else if (response.status() < 400) {
                    accepted.add(line);
                }
            }
        } finally {
            running.values().forEach(LambdaHttp::close);
        }
        long after = itemCount(stack);
        table.add("fault drill", "hostile requests over " + targets.size() + " routes", requests + " sent, " + byClass);
        table.add("fault drill", "hostile requests answered 5xx", Integer.toString(fiveHundreds.size()), "0", fiveHundreds.isEmpty());
        if (accepted.isEmpty()) {
            table.add("fault drill", "items stored by refused requests", Long.toString(after - before), "0", after == before);
        } else {
            // some hostile request was valid after all (listed below): the table may rightly have grown
            table.add("fault drill", "items stored (" + accepted.size() + " requests were accepted)", Long.toString(after - before));
        }
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
