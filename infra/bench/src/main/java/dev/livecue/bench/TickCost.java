package dev.livecue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one dispatcher tick cost in DynamoDB, added up over its jobs from the tick report (each job's
 * {@code dynamodb}: calls by operation and the capacity units DynamoDB said they consumed).
 */
record TickCost(Map<String, Long> calls, double readUnits, double writeUnits) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TickCost of(String tickReport) {
        try {
            Map<String, Long> calls = new TreeMap<>();
            double reads = 0;
            double writes = 0;
            for (JsonNode job : JSON.readTree(tickReport).path("jobs")) {
                JsonNode cost = job.path("dynamodb");
                cost.path("calls").fields().forEachRemaining(call -> calls.merge(call.getKey(), call.getValue().asLong(), Long::sum));
                reads += cost.path("readUnits").asDouble();
                writes += cost.path("writeUnits").asDouble();
            }
            return new TickCost(calls, reads, writes);
        } catch (IOException e) {
            throw new UncheckedIOException("the dispatcher's answer is not a tick report: " + tickReport, e);
        }
    }
}
