package dev.livecue.dynamodblocal;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts an in-memory DynamoDB Local for a Quarkus test run, creates the template's table in it and points the
 * application's DynamoDB client at it. The table name is fresh per run so parallel runs never share data.
 */
public class DynamoDbLocalTestResource implements QuarkusTestResourceLifecycleManager {

    private DynamoDbLocal server;

    @Override
    public Map<String, String> start() {
        server = DynamoDbLocal.startInMemory();
        String table = "livecue-test";
        try (DynamoDbClient client = LocalDynamoClients.client(server.endpoint())) {
            TableBootstrap.createIfAbsent(client, table);
        }
        Map<String, String> config = new HashMap<>(LocalDynamoClients.quarkusConfig(server.endpoint()));
        config.put("livecue.table", table);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
