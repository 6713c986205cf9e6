package dev.livecue.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, as an automation tool would be: it counts every delivery and every distinct
 * {@code webhook-id} (a receiver drops duplicates by that id), and can be told to fail a share of requests.
 */
final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile double failureShare;

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

    /** From now on, answer 500 to this share of requests (0 to 1). */
    void failShare(double share) {
        failureShare = share;
    }

    int requests() {
        return requests.get();
    }

    int failed() {
        return failed.get();
    }

    /** Distinct messages received with a 2xx answer. */
    int distinctDelivered() {
        return ids.size();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            requests.incrementAndGet();
            if (failureShare > 0 && ThreadLocalRandom.current().nextDouble() < failureShare) {
                failed.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                ids.add(id);
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
