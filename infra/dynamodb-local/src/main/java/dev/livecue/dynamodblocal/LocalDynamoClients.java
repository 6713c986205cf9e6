package dev.livecue.dynamodblocal;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** SDK clients and Quarkus settings for talking to a DynamoDB Local endpoint. */
public final class LocalDynamoClients {

    /** DynamoDB Local accepts any credentials made of letters and digits. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";
    public static final String REGION = "us-east-1";

    private LocalDynamoClients() {
    }

    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The Quarkus properties that point the managed DynamoDB client at the endpoint. */
    public static java.util.Map<String, String> quarkusConfig(URI endpoint) {
        return java.util.Map.of(
                "quarkus.dynamodb.endpoint-override", endpoint.toString(),
                "quarkus.dynamodb.aws.region", REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", SECRET_KEY);
    }
}
