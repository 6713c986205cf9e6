package dev.livecue.dynamodblocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * The table as template.yaml defines it ({@code AWS::DynamoDB::Table} resource {@value #RESOURCE}), turned into
 * the SDK request that creates it. The template ships inside this jar at build time, so there is one definition.
 */
public record TemplateTable(CreateTableRequest createRequest, Optional<String> ttlAttribute) {

    public static final String RESOURCE = "LivecueTable";
    private static final String TEMPLATE = "/livecue/template.yaml";

    /** Reads the template bundled into this module at build time. */
    public static TemplateTable fromBundledTemplate(String tableName) {
        try (InputStream in = TemplateTable.class.getResourceAsStream(TEMPLATE)) {
            Objects.requireNonNull(in, TEMPLATE + " is not on the classpath");
            return parse(in, tableName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static TemplateTable parse(InputStream template, String tableName) {
        Map<String, Object> root = CloudFormationYaml.load(template);
        Map<String, Object> resources = (Map<String, Object>) root.get("Resources");
        Map<String, Object> table = (Map<String, Object>) resources.get(RESOURCE);
        if (table == null || !"AWS::DynamoDB::Table".equals(table.get("Type"))) {
            throw new IllegalStateException("template.yaml has no AWS::DynamoDB::Table named " + RESOURCE);
        }
        Map<String, Object> props = (Map<String, Object>) table.get("Properties");

        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.fromValue((String) props.get("BillingMode")))
                .attributeDefinitions(list(props, "AttributeDefinitions").stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(list(props, "KeySchema")));
        List<Map<String, Object>> indexes = list(props, "GlobalSecondaryIndexes");
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes.stream().map(TemplateTable::index).toList());
        }
        Map<String, Object> ttl = (Map<String, Object>) props.get("TimeToLiveSpecification");
        Optional<String> ttlAttribute = ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))
                ? Optional.of((String) ttl.get("AttributeName"))
                : Optional.empty();
        return new TemplateTable(request.build(), ttlAttribute);
    }

    @SuppressWarnings("unchecked")
    private static GlobalSecondaryIndex index(Map<String, Object> gsi) {
        Map<String, Object> projection = (Map<String, Object>) gsi.get("Projection");
        Projection.Builder p = Projection.builder().projectionType((String) projection.get("ProjectionType"));
        if (projection.get("NonKeyAttributes") != null) {
            p.nonKeyAttributes((List<String>) projection.get("NonKeyAttributes"));
        }
        return GlobalSecondaryIndex.builder()
                .indexName((String) gsi.get("IndexName"))
                .keySchema(keySchema((List<Map<String, Object>>) gsi.get("KeySchema")))
                .projection(p.build())
                .build();
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        return elements.stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> props, String name) {
        Object value = props.get(name);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
