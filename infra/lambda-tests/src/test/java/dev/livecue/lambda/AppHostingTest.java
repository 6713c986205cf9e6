package dev.livecue.lambda;

import static dev.livecue.lambda.Repository.TEMPLATE;
import static dev.livecue.lambda.SamTemplate.asMap;
import static dev.livecue.lambda.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.livecue.dynamodblocal.CloudFormationYaml;

/**
 * template.yaml hosts the companion web app as the README's deploy step expects: a private, encrypted bucket
 * that only the app's CloudFront distribution reads (Origin Access Control), the app as the default behaviour,
 * and the HTTP API as a second origin under {@code /v1/*}, uncached, so the app is same-origin with the API.
 */
class AppHostingTest {

    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private final Map<String, Object> config = map(map(TEMPLATE.resource("AppDistribution"), "Properties"), "DistributionConfig");

    @Test
    void bucket_shouldBePrivateAndEncrypted() {
        assertEquals("AWS::S3::Bucket", TEMPLATE.resource("AppBucket").get("Type"));
        Map<String, Object> bucket = map(TEMPLATE.resource("AppBucket"), "Properties");
        Map<String, Object> block = map(bucket, "PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(true, block.get(setting), "AppBucket PublicAccessBlockConfiguration." + setting);
        }
        List<?> encryption = (List<?>) map(bucket, "BucketEncryption").get("ServerSideEncryptionConfiguration");
        assertNotNull(map(asMap(encryption.get(0)), "ServerSideEncryptionByDefault").get("SSEAlgorithm"), "AppBucket default encryption");
    }

    @Test
    void bucketPolicy_shouldLetOnlyTheAppDistributionRead() {
        Map<String, Object> policy = map(TEMPLATE.resource("AppBucketPolicy"), "Properties");
        assertEquals("AppBucket", CloudFormationYaml.ref(policy.get("Bucket")));
        List<?> statements = (List<?>) map(policy, "PolicyDocument").get("Statement");
        List<Map<String, Object>> allows = statements.stream().map(SamTemplate::asMap).filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertEquals(1, allows.size(), "one Allow statement: " + allows);
        Map<String, Object> allow = allows.get(0);
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), allow.get("Principal"));
        assertEquals("s3:GetObject", allow.get("Action"));
        String sourceArn = String.valueOf(asMap(map(map(allow, "Condition"), "StringEquals").get("AWS:SourceArn")).get("Fn::Sub"));
        assertTrue(sourceArn.endsWith(":distribution/${AppDistribution}"), "the Allow is conditioned on the app distribution: " + sourceArn);
    }

    @Test
    void appOrigin_shouldReadTheBucketThroughOriginAccessControl() {
        Map<String, Object> origin = origin(String.valueOf(map(config, "DefaultCacheBehavior").get("TargetOriginId")));
        assertEquals(List.of("AppBucket", "RegionalDomainName"), CloudFormationYaml.getAtt(origin.get("DomainName")));
        assertEquals(List.of("AppOriginAccessControl", "Id"), CloudFormationYaml.getAtt(origin.get("OriginAccessControlId")));
        assertEquals("", map(origin, "S3OriginConfig").get("OriginAccessIdentity"), "OAC, not a legacy origin access identity");
        Map<String, Object> oac = map(map(TEMPLATE.resource("AppOriginAccessControl"), "Properties"), "OriginAccessControlConfig");
        assertEquals("s3", oac.get("OriginAccessControlOriginType"));
        assertEquals("always", oac.get("SigningBehavior"));
        assertEquals("sigv4", oac.get("SigningProtocol"));
    }

    @Test
    void defaultBehaviour_shouldServeTheAppCachedExceptItsEntryPage() {
        assertEquals("index.html", config.get("DefaultRootObject"));
        Map<String, Object> defaults = map(config, "DefaultCacheBehavior");
        assertEquals(CACHING_OPTIMIZED, defaults.get("CachePolicyId"));
        assertEquals("redirect-to-https", defaults.get("ViewerProtocolPolicy"));
        Map<String, Object> entry = behaviour("/index.html");
        assertEquals(defaults.get("TargetOriginId"), entry.get("TargetOriginId"));
        assertEquals(CACHING_DISABLED, entry.get("CachePolicyId"));
    }

    @Test
    void apiBehaviour_shouldForwardEveryMethodUncachedToTheHttpApi() {
        Map<String, Object> api = behaviour("/v1/*");
        Map<String, Object> origin = origin(String.valueOf(api.get("TargetOriginId")));
        assertEquals("${LivecueApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}", asMap(origin.get("DomainName")).get("Fn::Sub"),
                "the /v1/* origin is the HTTP API");
        assertEquals("https-only", map(origin, "CustomOriginConfig").get("OriginProtocolPolicy"));
        assertEquals(CACHING_DISABLED, api.get("CachePolicyId"));
        assertEquals(ALL_VIEWER_EXCEPT_HOST_HEADER, api.get("OriginRequestPolicyId"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"), Set.copyOf((List<?>) api.get("AllowedMethods")));
    }

    @Test
    void outputs_shouldNameTheAppUrlAndBucket() {
        assertEquals("https://${AppDistribution.DomainName}", asMap(map(TEMPLATE.outputs(), "AppUrl").get("Value")).get("Fn::Sub"));
        assertEquals("AppBucket", CloudFormationYaml.ref(map(TEMPLATE.outputs(), "AppBucket").get("Value")));
        assertEquals("AppDistribution", CloudFormationYaml.ref(map(TEMPLATE.outputs(), "AppDistributionId").get("Value")));
    }

    private Map<String, Object> origin(String id) {
        return ((List<?>) config.get("Origins")).stream().map(SamTemplate::asMap).filter(o -> id.equals(o.get("Id"))).findFirst()
                .orElseThrow(() -> new AssertionError("AppDistribution has no origin " + id));
    }

    private Map<String, Object> behaviour(String pathPattern) {
        return ((List<?>) config.get("CacheBehaviors")).stream().map(SamTemplate::asMap).filter(b -> pathPattern.equals(b.get("PathPattern")))
                .findFirst().orElseThrow(() -> new AssertionError("AppDistribution has no cache behaviour for " + pathPattern));
    }
}
