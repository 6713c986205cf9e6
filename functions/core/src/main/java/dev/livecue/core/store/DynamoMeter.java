package dev.livecue.core.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Counts the DynamoDB calls of this JVM by operation and adds up the capacity they consumed (it asks every call that
 * can say for {@code ReturnConsumedCapacity: TOTAL}), so the dispatcher's tick report shows what each job cost in
 * calls and capacity units. A client uses it where {@code quarkus.dynamodb.interceptors} names it (the dispatcher).
 */
@ApplicationScoped
public class DynamoMeter implements ExecutionInterceptor {

    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");
    private static final String CONSUMED_CAPACITY = "ConsumedCapacity";
    private static final String RETURN_CONSUMED_CAPACITY = "ReturnConsumedCapacity";

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();

    /** The calls by operation and the capacity consumed so far, or between two readings ({@link #since}). */
    public record Reading(Map<String, Long> calls, double readUnits, double writeUnits) {

        public Reading {
            calls = Map.copyOf(calls);
        }

        public Reading since(Reading earlier) {
            Map<String, Long> delta = new TreeMap<>();
            calls.forEach((operation, count) -> {
                long made = count - earlier.calls().getOrDefault(operation, 0L);
                if (made > 0) {
                    delta.put(operation, made);
                }
            });
            return new Reading(delta, readUnits - earlier.readUnits(), writeUnits - earlier.writeUnits());
        }

        public long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Reading read() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((operation, count) -> counts.put(operation, count.sum()));
        return new Reading(counts, readUnits.sum(), writeUnits.sum());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        for (SdkField<?> field : request.sdkFields()) {
            if (RETURN_CONSUMED_CAPACITY.equals(field.memberName())) {
                SdkRequest.Builder builder = request.toBuilder();
                field.set(builder, ReturnConsumedCapacity.TOTAL.toString());
                return builder.build();
            }
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
        double units = context.response().getValueForField(CONSUMED_CAPACITY, Object.class)
                .map(DynamoMeter::units).orElse(0.0);
        (READS.contains(operation) ? readUnits : writeUnits).add(units);
    }

    /** One table's capacity, or a batch's or transaction's list of them. */
    private static double units(Object consumed) {
        if (consumed instanceof ConsumedCapacity capacity) {
            return capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
        }
        if (consumed instanceof List<?> list) {
            return list.stream().mapToDouble(DynamoMeter::units).sum();
        }
        return 0;
    }
}
