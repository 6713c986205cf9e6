package dev.livecue.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on loopback for webhook tests: it records every request (headers and body) by path and
 * answers with the replies a test scripted for that path, in order (the last one repeats; 204 when none).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers) {

        public static Reply of(int status) {
            return new Reply(status, Map.of());
        }

        public static Reply of(int status, String header, String value) {
            return new Reply(status, Map.of(header, value));
        }
    }

    /** One request as received; header names are matched case-insensitively. */
    public record Received(String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String webhookId() {
            return header("webhook-id");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, List<Reply>> replies = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService threads = Executors.newFixedThreadPool(32);
            server.setExecutor(threads);
            WebhookReceiver receiver = new WebhookReceiver(server, threads);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers the requests to {@code path} with these replies in order; the last one repeats. */
    public WebhookReceiver reply(String path, Reply... answers) {
        replies.put(path, List.of(answers));
        return this;
    }

    public List<Received> received(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        List<Received> log = received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
        Reply reply;
        synchronized (log) {
            log.add(new Received(path, headers, body));
            List<Reply> script = replies.getOrDefault(path, List.of(Reply.of(204)));
            reply = script.get(Math.min(log.size(), script.size()) - 1);
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
