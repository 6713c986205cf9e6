package dev.livecue.lambda;

import static dev.livecue.lambda.Repository.ROOT;
import static dev.livecue.lambda.Repository.TEMPLATE;
import static dev.livecue.lambda.SamTemplate.asMap;
import static dev.livecue.lambda.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.livecue.dynamodblocal.CloudFormationYaml;
import dev.livecue.dynamodblocal.DynamoDbLocal;
import dev.livecue.dynamodblocal.LocalDynamoClients;
import dev.livecue.dynamodblocal.TableBootstrap;
import dev.livecue.dynamodblocal.TemplateTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * template.yaml against what the build produced: the zips and handlers it names, the routes the code serves, the
 * dispatcher's schedule, the table the tests create, the DynamoDB actions each function performs, and the alarms.
 * Everything the code decides (routes, actions) is read from the packaged zips, never listed here, so a new
 * endpoint or store call fails this test until the template has it.
 */
class TemplateTest {

    private static final String LIVECUE_HANDLER = "dev.livecue.core.lambda.LivecueStreamHandler::handleRequest";
    private static final Pattern TEMPLATE_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+|\\{[A-Za-z0-9_]+}");
    private static final Pattern INDEX_ARN = Pattern.compile("\\$\\{" + TemplateTable.RESOURCE + "\\.Arn}/index/([A-Za-z0-9_.-]+)");

    private final Map<String, SamFunction> functions = TEMPLATE.functions();

    @Test
    void functions_shouldEachPointAtAPackagedZipWithItsHandler_whenBuilt() throws IOException {
        // GIVEN every function module's packaged zip
        Set<Path> packaged;
        try (Stream<Path> modules = Files.list(ROOT.resolve("functions"))) {
            packaged = modules.map(m -> m.resolve("target/function.zip")).filter(Files::isRegularFile).collect(Collectors.toSet());
        }
        assertFalse(packaged.isEmpty(), "no functions/*/target/function.zip: package the function modules first");

        // THEN each is one template function's CodeUri, and each template function's zip exists with its handler
        Map<Path, String> codeUris = new HashMap<>();
        for (SamFunction function : functions.values()) {
            String other = codeUris.put(function.zip(), function.id());
            assertTrue(other == null, function.id() + " and " + other + " deploy the same zip");
            FunctionZip zip = Repository.zip(function);
            assertEquals("java21", function.properties().get("Runtime"), function.id() + " Runtime");
            assertEquals(LIVECUE_HANDLER, function.handler(), function.id() + " Handler");
            String handlerClass = function.handler().substring(0, function.handler().indexOf("::"));
            assertTrue(zip.containsClass(handlerClass), function.id() + ": " + handlerClass + " is not in " + zip.path());
        }
        for (Path zip : packaged) {
            assertTrue(codeUris.containsKey(zip), ROOT.relativize(zip) + " is packaged but no template function deploys it");
        }
    }

    @Test
    void functions_shouldSnapStartFromAPublishedAlias_withMeasuredSizes() {
        for (SamFunction function : functions.values()) {
            assertEquals("PublishedVersions", map(function.properties(), "SnapStart").get("ApplyOn"), function.id() + " SnapStart");
            assertNotNull(function.properties().get("AutoPublishAlias"), function.id() + " needs AutoPublishAlias for SnapStart");
            assertTrue(function.memoryMb() >= 512, function.id() + " MemorySize");
            if (Repository.servesHttp(Repository.zip(function))) {
                assertTrue(function.timeoutSeconds() < 30, function.id() + ": API Gateway gives up on an integration after 30 s");
            }
        }
    }

    @Test
    void routes_shouldBeExactlyWhatEachFunctionServes() {
        List<String> problems = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (SamFunction function : functions.values()) {
            FunctionZip zip = Repository.zip(function);
            Map<String, JaxRsRoutes.Served> served = new TreeMap<>();
            if (Repository.servesHttp(zip)) {
                JaxRsRoutes.of(zip).forEach(route -> served.put(route.key(), route));
            }
            Map<String, SamFunction.Route> declared = new TreeMap<>();
            for (Map.Entry<String, Map<String, Object>> event : function.events("HttpApi").entrySet()) {
                Map<String, Object> properties = map(event.getValue(), "Properties");
                SamFunction.Route route = new SamFunction.Route(String.valueOf(properties.get("Method")), String.valueOf(properties.get("Path")));
                problems.addAll(malformed(function, event.getKey(), properties, route));
                String key = route.method().toUpperCase(java.util.Locale.ROOT) + " " + JaxRsRoutes.normalize(route.path());
                declared.put(key, route);
                String previous = owner.put(key, function.id());
                if (previous != null && !previous.equals(function.id())) {
                    problems.add(route + " is routed to both " + previous + " and " + function.id());
                }
            }
            served.forEach((key, route) -> {
                if (!declared.containsKey(key)) {
                    problems.add(function.id() + " serves " + route.method() + " " + route.path() + " (" + route.javaMethod()
                            + ") but template.yaml has no route for it; add to its Events: { Type: HttpApi, Properties: "
                            + "{ ApiId: !Ref LivecueApi, Path: '" + templatePath(route.path()) + "', Method: " + route.method() + " } }");
                }
            });
            declared.forEach((key, route) -> {
                if (!served.containsKey(key)) {
                    problems.add(function.id() + " has a route " + route + " that its code does not serve (a dead route)");
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> malformed(SamFunction function, String event, Map<String, Object> properties, SamFunction.Route route) {
        List<String> problems = new ArrayList<>();
        if (!"LivecueApi".equals(CloudFormationYaml.ref(properties.get("ApiId")))) {
            problems.add(function.id() + "." + event + ": ApiId must be !Ref LivecueApi");
        }
        if (!route.method().matches("GET|POST|PUT|PATCH|DELETE")) {
            problems.add(function.id() + "." + event + ": Method " + route.method() + " (name one method; no ANY)");
        }
        for (String segment : route.path().substring(1).split("/")) {
            if (!TEMPLATE_SEGMENT.matcher(segment).matches()) {
                problems.add(function.id() + "." + event + ": path segment '" + segment + "' in " + route.path()
                        + " (a route variable spans a whole segment, {name}; no greedy {proxy+})");
            }
        }
        return problems;
    }

    /** The template spelling of a JAX-RS path: regexes dropped, a partial-segment variable widened to the segment. */
    private static String templatePath(String jaxRsPath) {
        StringBuilder path = new StringBuilder();
        for (String segment : jaxRsPath.substring(1).split("/")) {
            Matcher variable = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)").matcher(segment);
            path.append('/').append(variable.find() ? "{" + variable.group(1) + "}" : segment);
        }
        return path.toString();
    }

    @Test
    void eventFunctions_shouldTickEveryMinute_withRetriesAndADeadLetterQueue() {
        int scheduled = 0;
        for (SamFunction function : functions.values()) {
            if (Repository.servesHttp(Repository.zip(function))) {
                assertTrue(function.events("Schedule").isEmpty(), function.id() + " is an HTTP function with a schedule");
                continue;
            }
            scheduled++;
            assertTrue(function.events("HttpApi").isEmpty(), function.id() + " is not an HTTP function but has routes");
            Collection<Map<String, Object>> schedules = function.events("Schedule").values();
            assertEquals(1, schedules.size(), function.id() + " needs exactly one Schedule event");
            Map<String, Object> schedule = map(schedules.iterator().next(), "Properties");
            assertEquals("rate(1 minute)", schedule.get("Schedule"), function.id() + " schedule");
            assertTrue(!Boolean.FALSE.equals(schedule.get("Enabled")), function.id() + " schedule is disabled");
            assertNotNull(map(schedule, "RetryPolicy").get("MaximumRetryAttempts"), function.id() + " schedule RetryPolicy");
            String queue = getAttArnOf(map(schedule, "DeadLetterConfig").get("Arn"));
            assertEquals("AWS::SQS::Queue", TEMPLATE.resource(queue).get("Type"), function.id() + " schedule DeadLetterConfig.Arn: a queue of this template");
            Map<String, Object> onFailure = map(map(map(function.properties(), "EventInvokeConfig"), "DestinationConfig"), "OnFailure");
            assertEquals(queue, getAttArnOf(onFailure.get("Destination")), function.id() + ": failed ticks go to the same dead-letter queue");
        }
        assertTrue(scheduled > 0, "no event-driven function (the dispatcher) in the template");
    }

    private static String getAttArnOf(Object value) {
        List<?> att = CloudFormationYaml.getAtt(value);
        assertNotNull(att, "expected !GetAtt <Resource>.Arn, got " + value);
        assertEquals("Arn", att.get(1));
        return (String) att.get(0);
    }

    @Test
    void table_shouldBeTheOneTheTestsCreate_whenBootstrappedInDynamoDbLocal() {
        // GIVEN the template's table definition, read here independently of TableBootstrap
        Map<String, Object> table = map(TEMPLATE.resource(TemplateTable.RESOURCE), "Properties");
        Set<String> understood = Set.of("BillingMode", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes",
                "TimeToLiveSpecification", "PointInTimeRecoverySpecification", "SSESpecification", "Tags", "DeletionProtectionEnabled");
        assertTrue(understood.containsAll(table.keySet()), "TableBootstrap does not create " + table.keySet()
                + " beyond " + understood + "; teach it (and this test) the new property");

        // WHEN the tests' bootstrap creates it in DynamoDB Local
        try (DynamoDbLocal server = DynamoDbLocal.startInMemory();
                DynamoDbClient dynamo = LocalDynamoClients.client(server.endpoint())) {
            TableBootstrap.createIfAbsent(dynamo, "template-check");
            TableDescription created = dynamo.describeTable(b -> b.tableName("template-check")).table();
            TimeToLiveDescription ttl = dynamo.describeTimeToLive(b -> b.tableName("template-check")).timeToLiveDescription();

            // THEN keys, attributes, indexes, projections, billing and TTL are the template's
            assertEquals(keys(list(table.get("KeySchema"))), keys(created.keySchema()), "table key schema");
            Set<String> templateAttributes = list(table.get("AttributeDefinitions")).stream()
                    .map(a -> a.get("AttributeName") + ":" + a.get("AttributeType")).collect(Collectors.toCollection(TreeSet::new));
            Set<String> createdAttributes = created.attributeDefinitions().stream()
                    .map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(templateAttributes, createdAttributes, "attribute definitions");
            assertEquals(table.get("BillingMode"), created.billingModeSummary().billingModeAsString(), "billing mode");
            Map<String, String> templateIndexes = new TreeMap<>();
            for (Map<String, Object> gsi : list(table.get("GlobalSecondaryIndexes"))) {
                Map<String, Object> projection = asMap(gsi.get("Projection"));
                templateIndexes.put((String) gsi.get("IndexName"), keys(list(gsi.get("KeySchema"))) + " " + projection.get("ProjectionType")
                        + " " + new TreeSet<>(Objects.requireNonNullElse((List<?>) projection.get("NonKeyAttributes"), List.of())));
            }
            Map<String, String> createdIndexes = new TreeMap<>();
            for (GlobalSecondaryIndexDescription gsi : created.globalSecondaryIndexes()) {
                createdIndexes.put(gsi.indexName(), keys(gsi.keySchema()) + " " + gsi.projection().projectionTypeAsString()
                        + " " + new TreeSet<>(gsi.projection().nonKeyAttributes()));
            }
            assertEquals(templateIndexes, createdIndexes, "global secondary indexes");
            assertTrue(created.localSecondaryIndexes().isEmpty(), "local secondary indexes");
            Map<String, Object> templateTtl = asMap(table.get("TimeToLiveSpecification"));
            assertEquals(templateTtl.get("AttributeName"), ttl.attributeName(), "TTL attribute");
            assertEquals(Boolean.TRUE.equals(templateTtl.get("Enabled")) ? "ENABLED" : "DISABLED", ttl.timeToLiveStatusAsString(), "TTL status");
        }
    }

    private static String keys(List<Map<String, Object>> schema) {
        return schema.stream().map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).collect(Collectors.joining(","));
    }

    private static String keys(Collection<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).collect(Collectors.joining(","));
    }

    @Test
    void policies_shouldGrantEachFunctionExactlyTheTableActionsItsCodePerforms() {
        Set<String> indexNames = list(map(TEMPLATE.resource(TemplateTable.RESOURCE), "Properties").get("GlobalSecondaryIndexes"))
                .stream().map(gsi -> (String) gsi.get("IndexName")).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (SamFunction function : functions.values()) {
            DynamoCalls.Needs needs = DynamoCalls.of(Repository.zip(function), indexNames);
            needs.unknown().forEach(u -> problems.add(function.id() + ": " + u + " (teach DynamoCalls its IAM action)"));
            Grants grants = grants(function, problems);

            SortedSet<String> missing = new TreeSet<>(needs.tableActions());
            missing.removeAll(grants.table);
            missing.forEach(action -> problems.add(function.id() + " calls " + action + " (" + needs.callers().get(action)
                    + ") but its policy does not allow it on !GetAtt LivecueTable.Arn"));
            SortedSet<String> surplus = new TreeSet<>(grants.table);
            surplus.removeAll(needs.tableActions());
            surplus.removeAll(needs.maybeTableActions());
            surplus.forEach(action -> problems.add(function.id() + "'s policy allows " + action + " on the table, which its code never calls"));
            needs.indexActions().forEach((index, actions) -> actions.stream()
                    .filter(a -> !grants.indexes.getOrDefault(index, new TreeSet<>()).contains(a))
                    .forEach(a -> problems.add(function.id() + " calls " + a + " on index " + index + " but its policy does not allow it on "
                            + "!Sub '${LivecueTable.Arn}/index/" + index + "'")));
            grants.indexes.forEach((index, actions) -> actions.stream()
                    .filter(a -> !needs.indexActions().getOrDefault(index, new TreeSet<>()).contains(a))
                    .forEach(a -> problems.add(function.id() + "'s policy allows " + a + " on index " + index + ", which its code never reads")));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The DynamoDB actions a function's policies allow, on the table and per index. */
    private record Grants(SortedSet<String> table, SortedMap<String, SortedSet<String>> indexes) {
    }

    private static Grants grants(SamFunction function, List<String> problems) {
        Grants grants = new Grants(new TreeSet<>(), new TreeMap<>());
        for (Object policy : (List<?>) function.properties().getOrDefault("Policies", List.of())) {
            Map<String, Object> document = asMap(policy);
            if (!document.containsKey("Statement")) {
                if (String.valueOf(policy).contains("DynamoDB")) {
                    problems.add(function.id() + ": " + policy + " grants more than the function uses; write a Statement with its actions");
                }
                continue;
            }
            Object statements = document.get("Statement");
            for (Map<String, Object> statement : statements instanceof List ? list(statements) : List.of(asMap(statements))) {
                List<String> actions = strings(statement.get("Action"));
                List<Object> resources = statement.get("Resource") instanceof List<?> l ? new ArrayList<>(l) : List.of(statement.get("Resource"));
                if (resources.contains("*") || actions.stream().anyMatch(a -> a.contains("*"))) {
                    problems.add(function.id() + ": a policy statement uses a wildcard: " + statement);
                }
                if (actions.stream().noneMatch(a -> a.startsWith("dynamodb:"))) {
                    continue;
                }
                for (Object resource : resources) {
                    List<?> att = CloudFormationYaml.getAtt(resource);
                    Matcher index = resource instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String text ? INDEX_ARN.matcher(text) : null;
                    if (att != null && att.equals(List.of(TemplateTable.RESOURCE, "Arn"))) {
                        grants.table.addAll(actions);
                    } else if (index != null && index.matches()) {
                        grants.indexes.computeIfAbsent(index.group(1), i -> new TreeSet<>()).addAll(actions);
                    } else {
                        problems.add(function.id() + ": DynamoDB statement on " + resource
                                + "; only !GetAtt LivecueTable.Arn and !Sub '${LivecueTable.Arn}/index/<name>' are allowed");
                    }
                }
            }
        }
        return grants;
    }

    @Test
    void alarms_shouldWatchEveryFunctionAndTheDeadLetters() {
        Map<String, Map<String, Object>> alarms = new LinkedHashMap<>();
        TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> alarms.put(id, map(alarm, "Properties")));
        alarms.forEach((id, alarm) -> assertFalse(strings(alarm.get("AlarmActions")).isEmpty(), id + " has no AlarmActions"));
        for (SamFunction function : functions.values()) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertTrue(alarms.values().stream().anyMatch(a -> "AWS/Lambda".equals(a.get("Namespace")) && metric.equals(a.get("MetricName"))
                        && dimension(a, "FunctionName").map(CloudFormationYaml::ref).anyMatch(function.id()::equals)),
                        function.id() + " has no " + metric + " alarm");
            }
        }
        for (String queue : TEMPLATE.resourcesOfType("AWS::SQS::Queue").keySet()) {
            assertTrue(alarms.values().stream().anyMatch(a -> "AWS/SQS".equals(a.get("Namespace"))
                    && "ApproximateNumberOfMessagesVisible".equals(a.get("MetricName"))
                    && dimension(a, "QueueName").map(CloudFormationYaml::getAtt).anyMatch(List.of(queue, "QueueName")::equals)),
                    queue + " has no alarm on ApproximateNumberOfMessagesVisible");
        }
        // the dispatcher's "dead-lettered" log line (README, "Alarms") is counted and alarmed on
        Map<String, Object> filter = TEMPLATE.resourcesOfType("AWS::Logs::MetricFilter").values().stream()
                .map(f -> map(f, "Properties")).filter(f -> String.valueOf(f.get("FilterPattern")).contains("\"dead-lettered\""))
                .findFirst().orElseThrow(() -> new AssertionError("no metric filter on the \"dead-lettered\" log line"));
        String logGroup = CloudFormationYaml.ref(filter.get("LogGroupName"));
        assertTrue(functions.values().stream().filter(f -> !Repository.servesHttp(Repository.zip(f)))
                .allMatch(f -> logGroup.equals(CloudFormationYaml.ref(map(f.properties(), "LoggingConfig").get("LogGroup")))),
                "the dead-lettered filter must read the dispatcher's log group");
        Map<String, Object> transformation = list(filter.get("MetricTransformations")).get(0);
        assertTrue(alarms.values().stream().anyMatch(a -> Objects.equals(transformation.get("MetricNamespace"), a.get("Namespace"))
                && Objects.equals(transformation.get("MetricName"), a.get("MetricName"))), "no alarm on the dead-lettered deliveries metric");
    }

    private static Stream<Object> dimension(Map<String, Object> alarm, String name) {
        return list(alarm.get("Dimensions")).stream().filter(d -> name.equals(d.get("Name"))).map(d -> d.get("Value"));
    }

    @Test
    void functions_shouldLogToTheirOwnLogGroupWithRetention() {
        for (SamFunction function : functions.values()) {
            String group = CloudFormationYaml.ref(map(function.properties(), "LoggingConfig").get("LogGroup"));
            assertNotNull(group, function.id() + " LoggingConfig.LogGroup: !Ref <its AWS::Logs::LogGroup>");
            Map<String, Object> resource = TEMPLATE.resource(group);
            assertEquals("AWS::Logs::LogGroup", resource.get("Type"), function.id() + " log group");
            assertNotNull(map(resource, "Properties").get("RetentionInDays"), group + " RetentionInDays");
        }
    }

    @Test
    void api_shouldAllowTheMobileFrontendEveryServedMethod_throttleAndLogAccess() {
        Map<String, Object> api = map(TEMPLATE.resource("LivecueApi"), "Properties");
        Map<String, Object> cors = map(api, "CorsConfiguration");
        assertNotNull(cors.get("AllowOrigins"), "CORS AllowOrigins");
        Set<String> headers = strings(cors.get("AllowHeaders")).stream().map(String::toLowerCase).collect(Collectors.toSet());
        assertTrue(headers.containsAll(Set.of("authorization", "content-type", "idempotency-key")), "CORS AllowHeaders " + headers);
        Set<String> methods = new TreeSet<>(strings(cors.get("AllowMethods")));
        for (SamFunction function : functions.values()) {
            for (SamFunction.Route route : function.httpRoutes()) {
                assertTrue(methods.contains(route.method()), "CORS AllowMethods " + methods + " lacks " + route.method() + " of " + route);
            }
        }
        Map<String, Object> throttling = map(api, "DefaultRouteSettings");
        assertTrue(throttling.get("ThrottlingBurstLimit") instanceof Number && throttling.get("ThrottlingRateLimit") instanceof Number,
                "DefaultRouteSettings throttling");
        Map<String, Object> accessLog = map(api, "AccessLogSettings");
        assertEquals("AWS::Logs::LogGroup", TEMPLATE.resource(getAttArnOf(accessLog.get("DestinationArn"))).get("Type"), "access log destination");
        assertTrue(String.valueOf(accessLog.get("Format")).contains("$context.requestId"), "access log format names the request id");
    }

    @Test
    void environment_shouldNameTheTable_blockPrivateWebhooks_andKeepTheAdminTokenOutOfTheTemplate() {
        for (SamFunction function : functions.values()) {
            Map<String, Object> env = function.environment();
            assertEquals(TemplateTable.RESOURCE, CloudFormationYaml.ref(env.get("LIVECUE_TABLE")), function.id() + " LIVECUE_TABLE");
            assertEquals("false", env.get("LIVECUE_WEBHOOKS_ALLOW_PRIVATE"), function.id() + " LIVECUE_WEBHOOKS_ALLOW_PRIVATE");
            // the feed's link and the checklist's link to the app are absolute once the deployer gives the origin
            assertEquals("PublicBaseUrl", CloudFormationYaml.ref(env.get("LIVECUE_SCHEDULES_PUBLIC_BASE_URL")), function.id());
            boolean admin = Repository.servesHttp(Repository.zip(function))
                    && JaxRsRoutes.of(Repository.zip(function)).stream().anyMatch(JaxRsRoutes.Served::adminOnly);
            Object token = env.get("LIVECUE_ADMIN_TOKEN");
            if (admin) {
                assertNotNull(token, function.id() + " serves an @AdminOnly route but gets no LIVECUE_ADMIN_TOKEN");
            }
            if (token != null) {
                String text = token instanceof String s ? s : String.valueOf(asMap(token).get("Fn::Sub"));
                assertTrue(text.startsWith("{{resolve:secretsmanager:"), function.id() + ": the admin token must come from Secrets Manager, not " + token);
            }
        }
    }

    @Test
    void outputs_shouldNameTheApiUrlAndTheTable() {
        assertTrue(String.valueOf(map(TEMPLATE.outputs(), "ApiUrl").get("Value")).contains("${LivecueApi}"), "ApiUrl output");
        assertEquals(TemplateTable.RESOURCE, CloudFormationYaml.ref(map(TEMPLATE.outputs(), "TableName").get("Value")), "TableName output");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
