package dev.livecue.core.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Walks the DynamoDB client's request path once (build, marshal, sign, unmarshal) against an in-memory answer, so
 * that the ~2000 SDK classes a function's first request needs are loaded, linked and initialized before it arrives.
 * Nothing leaves the process: the warm-up client's HTTP client answers every call itself. Run on a second thread
 * while Quarkus boots, it takes the SDK's class loading out of the first request wherever more than one core is
 * available; under SnapStart it runs before the snapshot, so restored functions start with it done.
 */
public final class DynamoWarmup {

    private static final Logger LOG = Logger.getLogger(DynamoWarmup.class);

    /** One answer that every operation the stores call can unmarshal (members another operation owns are ignored). */
    private static final byte[] ANSWER = """
            {"Item":{"pk":{"S":"warmup"},"n":{"N":"1"},"l":{"L":[{"S":"a"}]},"m":{"M":{"b":{"BOOL":true}}}},
             "Items":[{"pk":{"S":"warmup"}}],"Count":1,"ScannedCount":1,
             "Attributes":{"pk":{"S":"warmup"}},"Responses":{"warmup":[{"pk":{"S":"warmup"}}]},
             "UnprocessedKeys":{},"UnprocessedItems":{}}
            """.getBytes(StandardCharsets.UTF_8);

    private DynamoWarmup() {
    }

    /** Runs the warm-up; never throws, since a failed warm-up only means the first request does the loading. */
    public static void run() {
        long started = System.nanoTime();
        try {
            int answered = warm();
            LOG.debugf("DynamoDB client warm-up: %d calls in %d ms", answered, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("DynamoDB client warm-up failed; the first request will load the client itself", e);
        }
    }

    /** The warm-up itself; answers how many calls the in-memory HTTP client answered (all of them, or it throws). */
    static int warm() {
        // What the function's own client builds beyond the request path: the url-connection HTTP client (its TLS
        // context reads the JDK's trust store) and the default region and credentials chains, which are built but
        // not looked up: outside Lambda either could wait on an instance-metadata endpoint.
        UrlConnectionHttpClient.builder().build().close();
        new DefaultAwsRegionProviderChain();
        DefaultCredentialsProvider.builder().build().close();
        AnsweringHttpClient http = new AnsweringHttpClient();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warmup", "warmup")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new UrlConnectionKeepAlive()))
                .build()) {
            exercise(client);
        }
        return http.answered.get();
    }

    /** The operations the stores use, each once. */
    private static void exercise(DynamoDbClient client) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("warmup"), "sk", AttributeValue.fromS("w"));
        client.getItem(r -> r.tableName("warmup").key(key).consistentRead(true));
        client.putItem(r -> r.tableName("warmup").item(key).conditionExpression("attribute_not_exists(pk)"));
        client.updateItem(r -> r.tableName("warmup").key(key).updateExpression("SET #n = :n")
                .expressionAttributeNames(Map.of("#n", "n")).expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
        client.deleteItem(r -> r.tableName("warmup").key(key));
        client.query(r -> r.tableName("warmup").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("warmup"))).limit(1));
        client.transactWriteItems(r -> r.transactItems(List.of(
                TransactWriteItem.builder().put(p -> p.tableName("warmup").item(key)).build(),
                TransactWriteItem.builder().update(u -> u.tableName("warmup").key(key).updateExpression("REMOVE n")).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("warmup").key(key)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("warmup").key(key)
                        .conditionExpression("attribute_exists(pk)")).build())));
        client.batchGetItem(r -> r.requestItems(Map.of("warmup", KeysAndAttributes.builder().keys(key).build())));
    }

    /** An HTTP client that reads each request and answers 200 with {@link #ANSWER}, without any I/O. */
    private static final class AnsweringHttpClient implements SdkHttpClient {

        private final AtomicInteger answered = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    if (request.contentStreamProvider().isPresent()) {
                        try (InputStream body = request.contentStreamProvider().get().newStream()) {
                            body.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                    answered.incrementAndGet();
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(ANSWER)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
