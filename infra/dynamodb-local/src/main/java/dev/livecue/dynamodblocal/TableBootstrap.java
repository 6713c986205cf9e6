package dev.livecue.dynamodblocal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/** Creates the template's table if it is absent (DynamoDB Local only: in AWS, SAM creates it). */
public final class TableBootstrap {

    private TableBootstrap() {
    }

    public static void createIfAbsent(DynamoDbClient dynamo, String tableName) {
        TemplateTable table = TemplateTable.fromBundledTemplate(tableName);
        try {
            dynamo.createTable(table.createRequest());
        } catch (ResourceInUseException alreadyThere) {
            return; // created by an earlier run against a persistent database
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        table.ttlAttribute().ifPresent(attribute -> dynamo.updateTimeToLive(b -> b
                .tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(attribute).enabled(true).build())));
    }
}
