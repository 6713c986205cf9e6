package dev.livecue.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, as an automation tool would be: it counts every request, every accepted delivery
 * and every distinct {@code webhook-id} (a receiver drops duplicates by that id), remembers what each message was
 * about (its subject: the event type and the live's {@code data.title}, as {@link DueLives#subjects} makes them), and
 * can be told to refuse requests with a 500.
 */
final class LoopbackReceiver implements AutoCloseable {

    /** Whether to answer 500 to a message that was refused {@code refusedBefore} times already. */
    @FunctionalInterface
    interface Refusals {
        boolean refuse(String webhookId, int refusedBefore);
    }

    /** What arrived for one {@code webhook-id}. */
    record Message(String subject, int accepted, int refused) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final Map<String, Counts> byId = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Refusals refusals = (id, before) -> false;

    LoopbackReceiver() throws IOException {
        LoopbackSockets.noDelay();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/hook", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on, refuse the requests {@code refusals} picks. */
    void refuse(Refusals refusals) {
        this.refusals = refusals;
    }

    /** Every request that reached the receiver, refused ones included. */
    int requests() {
        return requests.get();
    }

    /** Distinct messages received with a 2xx answer. */
    int distinctDelivered() {
        return (int) byId.values().stream().filter(c -> c.accepted.get() > 0).count();
    }

    /** What arrived so far, by {@code webhook-id}. */
    Map<String, Message> messages() {
        return byId.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new Message(e.getValue().subject, e.getValue().accepted.get(), e.getValue().refused.get())));
    }

    /** Whether every one of {@code subjects} arrived with a 2xx answer. */
    boolean acceptedAll(Collection<String> subjects) {
        Set<String> accepted = byId.values().stream().filter(c -> c.accepted.get() > 0).map(c -> c.subject)
                .collect(Collectors.toSet());
        return accepted.containsAll(subjects);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Counts counts = byId.computeIfAbsent(id, k -> new Counts(subject(bytes)));
            if (refusals.refuse(id, counts.refused.get())) {
                counts.refused.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            counts.accepted.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static String subject(byte[] body) {
        try {
            JsonNode message = JSON.readTree(body);
            return DueLives.subject(message.path("type").asText(""), message.path("data").path("title").asText(""));
        } catch (IOException e) {
            return "";
        }
    }

    private static final class Counts {
        final String subject;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        Counts(String subject) {
            this.subject = subject;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
