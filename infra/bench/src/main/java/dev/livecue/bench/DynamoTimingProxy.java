package dev.livecue.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP relay between a function and DynamoDB Local that times each DynamoDB call upstream. A request's
 * "raw DynamoDB time" is then the time of exactly the calls its handler made, with exactly its items, in the same
 * run. The relay's own hop is part of the handler's time, so the overhead it shows is, if anything, too high.
 */
final class DynamoTimingProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final AtomicLong upstreamNanos = new AtomicLong();
    private final AtomicLong relayNanos = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();

    /** Starts a relay on a free loopback port in front of {@code upstream} that times the calls. */
    static DynamoTimingProxy start(URI upstream) {
        try {
            return new DynamoTimingProxy(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DynamoTimingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        LoopbackSockets.noDelay();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::relay);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a new measurement window (one request of the function under test). */
    void reset() {
        upstreamNanos.set(0);
        relayNanos.set(0);
        calls.set(0);
    }

    Duration upstreamTime() {
        return Duration.ofNanos(upstreamNanos.get());
    }

    /**
     * The relay's own time inside this process (reading the request, forwarding, writing the answer) beyond the
     * upstream time: a part of the hop that the handler's time carries and a deployed function would not have
     * (the loopback transfers and thread wake-ups around it are not in it).
     */
    Duration relayTime() {
        return Duration.ofNanos(relayNanos.get() - upstreamNanos.get());
    }

    int calls() {
        return calls.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        long entered = System.nanoTime();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_HEADERS.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            upstreamNanos.addAndGet(System.nanoTime() - started);
            calls.incrementAndGet();
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            relayNanos.addAndGet(System.nanoTime() - entered);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
