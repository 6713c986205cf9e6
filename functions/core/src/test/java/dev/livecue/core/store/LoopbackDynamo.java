package dev.livecue.core.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * A loopback HTTP server standing in for DynamoDB, for what DynamoDB Local cannot show: what arrives on the wire,
 * an answer that takes a known time or never comes, a refusal DynamoDB Local never gives. Each request is handled
 * on a thread of its own, so a stalled one does not hold up the next.
 */
final class LoopbackDynamo implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDLIVECUETEST";
    static final String SECRET_KEY = "livecue-test-secret";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private LoopbackDynamo(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", handler);
        server.setExecutor(threads);
        server.start();
    }

    static LoopbackDynamo start(HttpHandler handler) {
        try {
            return new LoopbackDynamo(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client for this server in us-east-1, signing with {@link #ACCESS_KEY}; the HTTP client is the caller's. */
    DynamoDbClientBuilder client() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    /** Answers as DynamoDB does: its JSON content type, a status, a body. */
    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] answer = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
