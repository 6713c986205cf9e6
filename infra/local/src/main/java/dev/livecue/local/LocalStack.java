package dev.livecue.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.lambda.UriValidation;
import dev.livecue.dynamodblocal.DynamoDbLocal;
import dev.livecue.dynamodblocal.LocalDynamoClients;
import dev.livecue.dynamodblocal.TableBootstrap;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Entry point of the local stack. Before Quarkus starts it makes sure there is a database (DynamoDB Local, in
 * memory, or in files under {@code LIVECUE_DYNAMODB_DIR}; or the endpoint in {@code LIVECUE_DYNAMODB_ENDPOINT})
 * with the template's table, and an admin token ({@code LIVECUE_ADMIN_TOKEN}, or a generated one). Both reach
 * Quarkus as system properties, which its runtime configuration reads at start.
 */
@QuarkusMain
public final class LocalStack {

    static final String ENDPOINT_ENV = "LIVECUE_DYNAMODB_ENDPOINT";
    static final String DB_DIR_ENV = "LIVECUE_DYNAMODB_DIR";
    static final String ENDPOINT_PROPERTY = "quarkus.dynamodb.endpoint-override";

    private LocalStack() {
    }

    public static void main(String... args) {
        DynamoDbLocal server = null;
        URI endpoint;
        Optional<String> given = Optional.ofNullable(System.getProperty(ENDPOINT_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(ENDPOINT_ENV))).filter(s -> !s.isBlank());
        if (given.isPresent()) {
            endpoint = URI.create(given.get());
            System.setProperty(LocalInfo.DATABASE_PROPERTY, endpoint + " (given)");
        } else {
            Optional<Path> dir = Optional.ofNullable(System.getenv(DB_DIR_ENV)).filter(s -> !s.isBlank()).map(Path::of);
            server = DynamoDbLocal.start(dir);
            endpoint = server.endpoint();
            System.setProperty(LocalInfo.DATABASE_PROPERTY, "DynamoDB Local at " + endpoint
                    + dir.map(d -> ", data in " + d.toAbsolutePath()).orElse(", in memory (set " + DB_DIR_ENV + " to keep data)"));
        }
        for (Map.Entry<String, String> setting : LocalDynamoClients.quarkusConfig(endpoint).entrySet()) {
            if (System.getProperty(setting.getKey()) == null) {
                System.setProperty(setting.getKey(), setting.getValue());
            }
        }
        String table = Optional.ofNullable(System.getenv("LIVECUE_TABLE")).orElse("livecue");
        try (DynamoDbClient client = LocalDynamoClients.client(endpoint)) {
            TableBootstrap.createIfAbsent(client, table);
        }
        if (isBlank(System.getenv("LIVECUE_ADMIN_TOKEN")) && isBlank(System.getProperty("livecue.admin-token"))) {
            System.setProperty("livecue.admin-token", SecretTokens.random("adm_", 24));
            System.setProperty(LocalInfo.GENERATED_TOKEN_PROPERTY, "true");
        }
        UriValidation.handOverToLivecue();
        DynamoDbLocal toStop = server;
        try {
            Quarkus.run(args);
        } finally {
            if (toStop != null) {
                toStop.close();
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
