package dev.livecue.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.livecue.dynamodblocal.DynamoDbLocal;
import dev.livecue.dynamodblocal.LocalDynamoClients;
import dev.livecue.dynamodblocal.TableBootstrap;
import dev.livecue.dynamodblocal.TemplateTable;
import dev.livecue.lambda.LambdaFunction;
import dev.livecue.lambda.SamFunction;
import dev.livecue.lambda.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every benchmark runs against: DynamoDB Local with the template's table, and the template's functions
 * configured to use it, plus the hello baseline function built with the same settings as the Livecue ones.
 */
final class BenchStack implements AutoCloseable {

    static final String TABLE = "livecue-bench";
    static final String ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";
    static final String HELLO = "HelloFunction";
    private static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final Path repo;
    private final SamTemplate template;
    private final Optional<Path> dbDir;
    private DynamoDbLocal dynamo;
    private DynamoDbClient client;

    private BenchStack(Path repo, Optional<Path> dbDir) {
        this.repo = repo;
        this.template = SamTemplate.read(repo.resolve("template.yaml"));
        this.dbDir = dbDir;
        startDynamo();
    }

    /** DynamoDB Local in memory, or in {@code dbDir} when a drill must restart it without losing data. */
    static BenchStack start(Path repo, Optional<Path> dbDir) {
        return new BenchStack(repo, dbDir);
    }

    private void startDynamo() {
        dynamo = dbDir.isPresent() ? DynamoDbLocal.start(dbDir) : DynamoDbLocal.startInMemory();
        client = LocalDynamoClients.client(dynamo.endpoint());
        TableBootstrap.createIfAbsent(client, TABLE);
    }

    /**
     * Stops DynamoDB Local and starts it again on the same port, so running functions see an outage and then the
     * same endpoint again (file-backed stacks keep their data).
     */
    void restartDynamo() {
        client.close();
        dynamo = dynamo.restart();
        client = LocalDynamoClients.client(dynamo.endpoint());
    }

    DynamoDbLocal dynamo() {
        return dynamo;
    }

    DynamoDbClient client() {
        return client;
    }

    SamTemplate template() {
        return template;
    }

    /** A template function wired to this stack's DynamoDB Local. */
    LambdaFunction function(String id) {
        SamFunction function = template.function(id);
        return function.lambda(Map.of(TemplateTable.RESOURCE, TABLE),
                overrides(dynamo.endpoint(), function.environment().containsKey("LIVECUE_ADMIN_TOKEN")));
    }

    /** The hello baseline with the memory and timeout of the schedules function and Quarkus's own handler. */
    LambdaFunction hello() {
        LambdaFunction like = function("SchedulesApiFunction");
        Path zip = repo.resolve("infra/bench/hello/target/function.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: run ./mvnw -B -DskipTests package first");
        }
        return new LambdaFunction(HELLO, zip, QUARKUS_HANDLER, like.memoryMb(), like.timeoutSeconds(), Map.of());
    }

    private static Map<String, String> overrides(URI endpoint, boolean admin) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", endpoint.toString());
        // DynamoDB Local keeps one database per access key and region: use the ones the table was created with.
        overrides.put("AWS_REGION", LocalDynamoClients.REGION);
        overrides.put("AWS_ACCESS_KEY_ID", LocalDynamoClients.ACCESS_KEY);
        overrides.put("AWS_SECRET_ACCESS_KEY", LocalDynamoClients.SECRET_KEY);
        overrides.put("LIVECUE_WEBHOOKS_ALLOW_PRIVATE", "true");
        if (admin) {
            overrides.put("LIVECUE_ADMIN_TOKEN", ADMIN_TOKEN);
        }
        return overrides;
    }

    @Override
    public void close() {
        client.close();
        dynamo.close();
    }
}
