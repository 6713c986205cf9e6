package dev.livecue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import dev.livecue.lambda.LambdaEvents;
import dev.livecue.lambda.LambdaZipInvoker;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Dispatch throughput and read cost: reminders are planned through the packaged schedules function (many not yet
 * due, some due seconds later), then ONE invocation of the packaged dispatcher, talking to DynamoDB Local directly,
 * delivers the due ones to a loopback receiver. Reported: deliveries per second of that invocation, and the read
 * capacity and calls per delivered reminder that its tick report gives (its {@code DynamoMeter} asks DynamoDB for the
 * consumed capacity of every call), at two table sizes, to show the cost follows the work due and not the reminders
 * stored.
 */
final class DispatchBench {

    static final double TARGET_PER_SECOND = 200;
    static final double TARGET_READ_GROWTH = 1.10;
    /** Offsets of the not-yet-due lives: five reminders over the 14-day planning horizon. */
    private static final String LATER_REMINDERS = "[\"P7D\",\"P3D\",\"PT24H\",\"PT1H\",\"PT10M\"]";

    private final BenchStack stack;
    private final LoopbackReceiver receiver;
    private final List<DueLives.Creator> creators = new ArrayList<>();

    private DispatchBench(BenchStack stack, LoopbackReceiver receiver) {
        this.stack = stack;
        this.receiver = receiver;
    }

    /** Grows the table to each size in {@code storedSizes} in turn, with {@code due} reminders due each time. */
    static void run(BenchStack stack, List<Integer> storedSizes, int due, int creators, ResultTable table) {
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            DispatchBench bench = new DispatchBench(stack, receiver);
            double firstReadsPerReminder = Double.NaN;
            for (int stored : storedSizes) {
                double reads = bench.round(stored, due, creators, table);
                if (Double.isNaN(firstReadsPerReminder)) {
                    firstReadsPerReminder = reads;
                } else {
                    double growth = reads / firstReadsPerReminder;
                    table.add("dispatch", "read units per reminder, " + storedSizes.get(0) + " -> " + stored + " stored",
                            String.format(Locale.ROOT, "%.3f -> %.3f (%.2fx)", firstReadsPerReminder, reads, growth),
                            "<= " + TARGET_READ_GROWTH + "x", growth <= TARGET_READ_GROWTH);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One round. The dispatcher ticks once before the reminders are planned, as the deployed one ticks every minute:
     * the measured run then reads the index minutes since that tick, not the hour a dispatcher's very first tick
     * catches up on.
     */
    private double round(int stored, int due, int creators, ResultTable table) {
        try (LambdaHttp schedules = LambdaHttp.start(stack.function("SchedulesApiFunction"));
                LambdaZipInvoker dispatcher = LambdaZipInvoker.start(stack.function("ReminderDispatchFunction"))) {
            dispatcher.invoke(LambdaEvents.scheduled(Instant.now()));
            while (this.creators.size() < creators) {
                this.creators.add(DueLives.creatorWithSubscription(schedules, "dispatch_" + this.creators.size(), receiver.url()));
            }
            long seeded = System.nanoTime();
            int before = receiver.distinctDelivered();
            Instant lastDue = Instant.now();
            int lives = (due + DueLives.DUE_PER_LIVE - 1) / DueLives.DUE_PER_LIVE;
            for (int i = 0; i < lives; i++) {
                lastDue = DueLives.planDueSoon(schedules, key(i), "Soon " + i);
            }
            // One schedule first, to learn how many reminders one plans; then as many as make up the size.
            long counted = reminderCount();
            schedules.expect(201, "POST", "/v1/schedules", key(0), later(0));
            long perSchedule = Math.max(1, reminderCount() - counted);
            long recurring = 1 + Math.max(0, (stored - counted - perSchedule + perSchedule - 1) / perSchedule);
            for (int i = 1; i < recurring; i++) {
                schedules.expect(201, "POST", "/v1/schedules", key(i), later(i));
            }
            System.out.printf("seeded %d due lives and %d recurring schedules in %d s%n", lives, recurring,
                    Duration.ofNanos(System.nanoTime() - seeded).toSeconds());
            DueLives.awaitDue(lastDue);
            int dueNow = lives * DueLives.DUE_PER_LIVE;
            long started = System.nanoTime();
            String report = dispatcher.invoke(LambdaEvents.scheduled(Instant.now())).text();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.println("dispatcher's tick report: " + report);
            int delivered = receiver.distinctDelivered() - before;
            double perSecond = delivered / seconds;
            TickCost cost = TickCost.of(report);
            double readsPerReminder = cost.readUnits() / Math.max(1, delivered);
            long storedNow = reminderCount();
            table.add("dispatch", storedNow + " reminders stored, " + dueNow + " due: delivered in one run",
                    delivered + " in " + String.format(Locale.ROOT, "%.1f s", seconds), dueNow + "", delivered >= dueNow);
            table.add("dispatch", storedNow + " stored: deliveries per second", String.format(Locale.ROOT, "%.0f/s", perSecond),
                    ">= " + (int) TARGET_PER_SECOND + "/s", perSecond >= TARGET_PER_SECOND);
            table.add("dispatch", storedNow + " stored: read units per delivered reminder",
                    String.format(Locale.ROOT, "%.3f (%.0f read units)", readsPerReminder, cost.readUnits()));
            table.add("dispatch", storedNow + " stored: DynamoDB calls per delivered reminder", perReminder(cost.calls(), delivered));
            return readsPerReminder;
        }
    }

    /** For example {@code 4.10 (GetItem 2.00, Query 0.10, TransactWriteItems 1.00, UpdateItem 1.00)}. */
    private static String perReminder(Map<String, Long> callsByOperation, int delivered) {
        double per = Math.max(1, delivered);
        StringJoiner operations = new StringJoiner(", ", " (", ")");
        callsByOperation.forEach((operation, calls) -> operations.add(String.format(Locale.ROOT, "%s %.2f", operation, calls / per)));
        return String.format(Locale.ROOT, "%.2f", callsByOperation.values().stream().mapToLong(Long::longValue).sum() / per) + operations;
    }

    /** A daily live from next week on: its reminders fill the planning horizon and none is due yet. */
    private static String later(int i) {
        String start = LocalDateTime.now(ZoneId.of(DueLives.ZONE)).plusDays(8).withHour(7 + i % 12).truncatedTo(ChronoUnit.HOURS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return "{\"title\":\"Daily " + i + "\",\"start\":\"" + start + "\",\"timeZone\":\"" + DueLives.ZONE
                + "\",\"durationMinutes\":60,\"recurrence\":\"FREQ=DAILY;COUNT=30\",\"reminders\":" + LATER_REMINDERS + "}";
    }

    private String key(int i) {
        return creators.get(i % creators.size()).apiKey();
    }

    /**
     * The reminders stored: a count Query of each bench creator's partition (they are the only reminders in the
     * table). A Scan of the whole table times out on DynamoDB Local at 200000 reminders.
     */
    private long reminderCount() {
        return creators.stream().mapToLong(creator -> stack.client().queryPaginator(q -> q.tableName(BenchStack.TABLE)
                .select(Select.COUNT).keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CREATOR#" + creator.id()),
                        ":r", AttributeValue.fromS("REMINDER#"))))
                .stream().mapToLong(page -> page.count()).sum()).sum();
    }
}
