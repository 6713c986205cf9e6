package dev.livecue.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB would see of calls made through the url-connection client with {@link UrlConnectionKeepAlive}: a
 * loopback server stands in for it, records each request as it arrived, and checks its signature the way AWS does
 * (signing the request again over the headers it names, with AWS's own SigV4 signer).
 */
class UrlConnectionKeepAliveTest {

    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,]+)");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A request as it arrived: the client's port, its headers (lower-case names) and body. */
    private record Arrived(int clientPort, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    private final List<SdkHttpRequest> handedToHttpClient = new CopyOnWriteArrayList<>();
    private final List<Arrived> arrived = new CopyOnWriteArrayList<>();
    private LoopbackDynamo dynamo;

    @BeforeEach
    void startFakeDynamo() {
        dynamo = LoopbackDynamo.start(this::answer);
    }

    @AfterEach
    void stopFakeDynamo() {
        dynamo.close();
    }

    @Test
    void calls_shouldCarryTheJdksContentLengthAndAValidSignature_overOneReusedConnection() throws Exception {
        try (DynamoDbClient client = client()) {
            for (int i = 0; i < 3; i++) {
                String name = client.getItem(r -> r.tableName("livecue").key(Map.of("pk", AttributeValue.fromS("CREATOR#1"))))
                        .item().get("name").s();
                assertEquals("Ada", name);
            }
        }

        // What makes the JDK stream the body, and probe a reused connection first, is a Content-Length given to it.
        assertEquals(3, handedToHttpClient.size());
        handedToHttpClient.forEach(request -> assertTrue(request.firstMatchingHeader("Content-Length").isEmpty()));
        assertEquals(3, arrived.size());
        for (Arrived request : arrived) {
            assertEquals(String.valueOf(request.body().length), request.header("content-length"));
            assertNull(request.header("transfer-encoding"));
            String signedHeaders = signedHeaders(request);
            assertFalse(Set.of(signedHeaders.split(";")).contains("content-length"), signedHeaders);
            assertEquals(request.header("authorization"), resigned(request, signedHeaders));
        }
        assertEquals(1, arrived.stream().map(Arrived::clientPort).distinct().count(), "calls should share one connection");
    }

    private DynamoDbClient client() {
        return dynamo.client()
                .httpClient(new SdkHttpClient() {
                    private final SdkHttpClient jdk = UrlConnectionHttpClient.builder().build();

                    @Override
                    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                        handedToHttpClient.add(request.httpRequest());
                        return jdk.prepareRequest(request);
                    }

                    @Override
                    public void close() {
                        jdk.close();
                    }
                })
                .overrideConfiguration(c -> c.addExecutionInterceptor(new UrlConnectionKeepAlive()))
                .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            arrived.add(new Arrived(exchange.getRemoteAddress().getPort(), headers, body));
            LoopbackDynamo.reply(exchange, 200, "{\"Item\":{\"pk\":{\"S\":\"CREATOR#1\"},\"name\":{\"S\":\"Ada\"}}}");
        }
    }

    private static String signedHeaders(Arrived request) {
        Matcher matcher = SIGNED_HEADERS.matcher(request.header("authorization"));
        assertTrue(matcher.find(), request.header("authorization"));
        return matcher.group(1);
    }

    /** The Authorization header AWS would expect for the request as it arrived, over the headers it says it signed. */
    private String resigned(Arrived request, String signedHeaders) {
        SdkHttpRequest.Builder asArrived = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + request.header("host") + "/"));
        for (String name : signedHeaders.split(";")) {
            if (!name.equals("host") && !name.equals("x-amz-date")) {
                asArrived.putHeader(name, request.headers().get(name));
            }
        }
        Instant signedAt = AMZ_DATE.parse(request.header("x-amz-date"), Instant::from);
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(LoopbackDynamo.ACCESS_KEY, LoopbackDynamo.SECRET_KEY))
                        .request(asArrived.build())
                        .payload(ContentStreamProvider.fromByteArray(request.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
