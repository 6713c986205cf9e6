package dev.livecue.schedules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.livecue.core.auth.Caller;
import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.idempotency.IdempotencyService;
import dev.livecue.core.store.AccountStore;
import dev.livecue.core.store.AccountStore.Revocation;
import dev.livecue.core.store.Keys;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.ServerTiming;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Creators, API keys, auth and the error and idempotency conventions, against DynamoDB Local. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class AccountsApiTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @Inject
    AccountStore accounts;

    @Inject
    IdempotencyService idempotency;

    @Test
    void createCreator_shouldReturnProfileAndWorkingKey_whenAdminCreates() {
        // GIVEN / WHEN
        String handle = "owl_" + UUID.randomUUID().toString().substring(0, 8);
        ExtractableResponse<Response> created = Api.admin()
                .body(Map.of("handle", handle, "displayName", "Night Owl", "timeZone", "America/New_York", "locale", "en-US"))
                .post("/v1/creators")
                .then().statusCode(201)
                .body("creator.id", startsWith("cr_"))
                .body("creator.handle", equalTo(handle))
                .body("creator.timeZone", equalTo("America/New_York"))
                .body("creator.defaultReminders", equalTo(java.util.List.of("PT1H")))
                .body("creator.replayDays", equalTo(90))
                .body("apiKey", startsWith("lc_"))
                .extract();

        // THEN the key works and the stored profile is what was sent
        given().header("Authorization", "Bearer " + created.path("apiKey"))
                .get("/v1/me")
                .then().statusCode(200)
                .body("id", equalTo(created.path("creator.id")))
                .body("displayName", equalTo("Night Owl"))
                .body("locale", equalTo("en-US"));
        // and only the hash of the key is stored
        String key = created.path("apiKey");
        assertEquals(0, dynamo.scan(s -> s.tableName(config.table())).items().stream()
                .filter(item -> item.values().stream().anyMatch(v -> key.equals(v.s()))).count());
    }

    @Test
    void createCreator_shouldBe409_whenHandleTaken() {
        TestCreator first = Api.newCreator();
        Api.admin().body(Map.of("handle", first.handle(), "timeZone", "Europe/Berlin"))
                .post("/v1/creators")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void createCreator_shouldBe401_withoutAdminToken() {
        TestCreator creator = Api.newCreator();
        String body = "{\"handle\":\"x_" + UUID.randomUUID().toString().substring(0, 8) + "\",\"timeZone\":\"UTC\"}";
        given().contentType(ContentType.JSON).body(body).post("/v1/creators")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        creator.request().body(body).post("/v1/creators").then().statusCode(401);
        given().header("Authorization", "Bearer not-the-admin-token").contentType(ContentType.JSON).body(body)
                .post("/v1/creators").then().statusCode(401);
    }

    @Test
    void responses_shouldSayInServerTimingHowLongTheyWaitedForDynamoDb() {
        TestCreator creator = Api.newCreator();

        ServerTiming read = ServerTiming.of(creator.request().get("/v1/me").then().statusCode(200).extract());
        assertTrue(read.dynamoCalls() >= 1, "the key and the profile come from DynamoDB: " + read);
        assertTrue(read.dynamoMs() > 0 && read.dynamoMs() <= read.appMs(), read.toString());

        // each request has its own tally: one that never reaches DynamoDB says so
        ServerTiming refused = ServerTiming.of(given().get("/v1/me").then().statusCode(401).extract());
        assertEquals(0, refused.dynamoCalls(), refused.toString());
        assertEquals(0.0, refused.dynamoMs(), refused.toString());
    }

    @Test
    void me_shouldBe401_whenKeyMissingWrongOrRevoked() {
        // GIVEN a creator with two keys
        TestCreator creator = Api.newCreator();
        String second = creator.request().body("{\"name\":\"zapier\"}").post("/v1/api-keys")
                .then().statusCode(201).body("apiKey", startsWith("lc_")).body("name", equalTo("zapier"))
                .extract().path("apiKey");
        String secondId = given().header("Authorization", "Bearer " + second).get("/v1/api-keys")
                .then().statusCode(200).body("items.find { it.current }.name", equalTo("zapier"))
                .extract().path("items.find { it.name == 'zapier' }.id");
        creator.request().get("/v1/api-keys").then().statusCode(200).body("items.findAll { it.current }.size()", equalTo(1))
                .body("items.find { it.current }.id", not(equalTo(secondId)));

        // THEN missing and wrong keys are refused with problem+json
        given().get("/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("type", notNullValue()).body("title", notNullValue()).body("detail", notNullValue());
        given().header("Authorization", "Bearer lc_wrong").get("/v1/me").then().statusCode(401);
        given().header("Authorization", "Basic abc").get("/v1/me").then().statusCode(401);

        // WHEN the second key is revoked THEN it is refused at once and the first still works
        creator.request().delete("/v1/api-keys/" + secondId).then().statusCode(204);
        given().header("Authorization", "Bearer " + second).get("/v1/me").then().statusCode(401);
        creator.request().get("/v1/me").then().statusCode(200);
        creator.request().delete("/v1/api-keys/" + secondId).then().statusCode(404);

        // AND the only key left cannot be revoked: nothing could issue the creator another
        String firstId = creator.request().get("/v1/api-keys").then().statusCode(200).extract().path("items[0].id");
        creator.request().delete("/v1/api-keys/" + firstId).then().statusCode(409).contentType("application/problem+json");
        creator.request().get("/v1/me").then().statusCode(200);
    }

    @Test
    void revokingBothOfTheLastTwoKeysAtOnce_shouldLeaveOneWorkingKey() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                // GIVEN a creator with exactly two keys
                TestCreator creator = Api.newCreator();
                String secondKey = creator.request().body("{\"name\":\"second\"}").post("/v1/api-keys")
                        .then().statusCode(201).extract().path("apiKey");
                List<String> ids = creator.request().get("/v1/api-keys").then().statusCode(200)
                        .body("items", hasSize(2)).extract().path("items.id");

                // WHEN two callers revoke one key each at the same moment
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String id : ids) {
                    answers.add(callers.submit(() -> {
                        together.await();
                        return creator.request().delete("/v1/api-keys/" + id).then().extract().statusCode();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }

                // THEN one is revoked and the other refused: as the only key left (409), or because the key that
                // called was revoked before it was checked (401); either way one key is left and still works
                statuses.sort(null);
                assertEquals(204, statuses.get(0), "round " + round + ": " + statuses);
                assertTrue(statuses.get(1) == 401 || statuses.get(1) == 409, "round " + round + ": " + statuses);
                List<String> working = new ArrayList<>();
                for (String key : List.of(creator.apiKey(), secondKey)) {
                    if (given().header("Authorization", "Bearer " + key).get("/v1/me").then().extract().statusCode() == 200) {
                        working.add(key);
                    }
                }
                assertEquals(1, working.size(), "round " + round + ": keys still working");
                given().header("Authorization", "Bearer " + working.get(0)).get("/v1/api-keys")
                        .then().statusCode(200).body("items", hasSize(1));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void twoRevocationsThatEachCountedOnTheOtherKey_shouldNotBothSucceed() {
        // GIVEN a creator with two keys, and two revocations that each listed both keys before either deleted one
        // (the interleaving two calls at once can have, forced here so it happens every time)
        TestCreator creator = Api.newCreator();
        String secondKey = creator.request().body("{\"name\":\"second\"}").post("/v1/api-keys")
                .then().statusCode(201).extract().path("apiKey");
        String firstId = creator.request().get("/v1/api-keys").then().extract().path("items.find { it.name != 'second' }.id");
        String secondId = creator.request().get("/v1/api-keys").then().extract().path("items.find { it.name == 'second' }.id");

        // WHEN the first revokes the first key, counting on the second, and the other then the second, counting on the first
        assertEquals(Revocation.REVOKED, accounts.deleteKey(creator.id(), firstId, secondId));
        assertEquals(Revocation.RACED, accounts.deleteKey(creator.id(), secondId, firstId));

        // THEN the second key is left and works, and deciding again, the API refuses to revoke it
        given().header("Authorization", "Bearer " + secondKey).delete("/v1/api-keys/" + secondId)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("only key"));
        given().header("Authorization", "Bearer " + secondKey).get("/v1/me").then().statusCode(200);
    }

    @Test
    void deleteKey_shouldBe404AndLeaveKey_whenKeyBelongsToAnotherCreator() {
        TestCreator alice = Api.newCreator();
        TestCreator bob = Api.newCreator();
        String bobKeyId = bob.request().get("/v1/api-keys").then().statusCode(200).extract().path("items[0].id");

        alice.request().delete("/v1/api-keys/" + bobKeyId)
                .then().statusCode(404).contentType("application/problem+json");

        bob.request().get("/v1/me").then().statusCode(200);
        alice.request().get("/v1/api-keys").then().body("items.id", not(hasItem(bobKeyId)));
    }

    @Test
    void createCreator_shouldBe400NamingField_whenBodyIsBad() {
        Api.admin().body("{\"handle\": \"abc\", ").post("/v1/creators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        Api.admin().body("{\"handle\": \"abc_def\", \"timeZone\": 5}").post("/v1/creators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("timeZone"));
        Api.admin().body("{\"handle\": \"abc_def\", \"timeZone\": \"Mars/Olympus_Mons\"}").post("/v1/creators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));
        Api.admin().body("{\"handle\": \"abc_def\", \"timeZone\": \"UTC\", \"tmeZone\": \"UTC\"}").post("/v1/creators")
                .then().statusCode(400).body("errors[0].field", equalTo("tmeZone"));
        Api.admin().body("[1,2]").post("/v1/creators")
                .then().statusCode(400).contentType("application/problem+json");
        Api.admin().body("{\"handle\": \"A B\", \"timeZone\": \"UTC\", \"locale\": \"not a locale\"}").post("/v1/creators")
                .then().statusCode(400).body("errors.field", hasItem("handle")).body("errors.field", hasItem("locale"));
        // a well-formed locale in a language the goodbye is not written in is refused, rather than answered in English
        Api.admin().body("{\"handle\": \"abc_def\", \"timeZone\": \"Asia/Tokyo\", \"locale\": \"ja-JP\"}").post("/v1/creators")
                .then().statusCode(400).body("errors[0].field", equalTo("locale")).body("errors[0].message", containsString("pt-BR"));
        TestCreator creator = Api.newCreator();
        creator.request().body("{\"locale\": \"it-IT\"}").patch("/v1/me").then().statusCode(400).body("errors[0].field", equalTo("locale"));
        creator.request().body("{\"locale\": \"pt-BR\"}").patch("/v1/me").then().statusCode(200).body("locale", equalTo("pt-BR"));
    }

    @Test
    void patchMe_shouldChangeOnlySentFields_andResetNulls() {
        TestCreator creator = Api.newCreator("America/Los_Angeles");
        creator.request().body("{\"displayName\": \"New Name\", \"defaultReminders\": [\"PT10M\", \"P1D\"], \"replayDays\": 30}")
                .patch("/v1/me")
                .then().statusCode(200)
                .body("displayName", equalTo("New Name"))
                .body("timeZone", equalTo("America/Los_Angeles"))
                .body("defaultReminders", equalTo(java.util.List.of("PT24H", "PT10M")))
                .body("replayDays", equalTo(30));
        creator.request().body("{\"replayDays\": null, \"followCta\": \"Tap follow!\"}").patch("/v1/me")
                .then().statusCode(200).body("replayDays", equalTo(90)).body("displayName", equalTo("New Name"))
                .body("followCta", equalTo("Tap follow!"));
        creator.request().get("/v1/me").then().body("followCta", equalTo("Tap follow!")).body("replayDays", equalTo(90));

        creator.request().body("{\"defaultReminders\": [\"PT1M\"], \"timeZone\": \"Nowhere/Land\", \"replayDays\": \"30\"}")
                .patch("/v1/me")
                .then().statusCode(400).body("errors.field", hasItem("replayDays"));
        creator.request().body("{\"defaultReminders\": [\"PT1M\"], \"timeZone\": \"Nowhere/Land\"}").patch("/v1/me")
                .then().statusCode(400).body("errors.field", hasItem("defaultReminders[0]")).body("errors.field", hasItem("timeZone"));
        creator.request().get("/v1/me").then().body("timeZone", equalTo("America/Los_Angeles"));
    }

    @Test
    void idempotencyKey_shouldReplayFirstResponse_withoutSecondWrite() {
        // GIVEN
        String handle = "idem_" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"handle\":\"" + handle + "\",\"timeZone\":\"Asia/Kolkata\"}";
        String key = UUID.randomUUID().toString();

        // WHEN the same request is sent twice
        ExtractableResponse<Response> first = Api.admin().header("Idempotency-Key", key).body(body).post("/v1/creators")
                .then().statusCode(201).extract();
        ExtractableResponse<Response> second = Api.admin().header("Idempotency-Key", key).body(body).post("/v1/creators")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract();

        // THEN the answer is identical and only one creator exists for that handle
        assertEquals(first.body().asString(), second.body().asString());
        assertEquals(first.contentType(), second.contentType());
        assertEquals(1, dynamo.scan(s -> s.tableName(config.table())
                .filterExpression("handle = :h").expressionAttributeValues(Map.of(":h", AttributeValue.fromS(handle))))
                .count());

        // and a different body under the same key is refused
        Api.admin().header("Idempotency-Key", key).body(body.replace("Asia/Kolkata", "UTC")).post("/v1/creators")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void idempotencyKey_shouldReplayASecret_withoutStoringIt() {
        // GIVEN a new API key and a webhook subscription, each made with an Idempotency-Key
        TestCreator creator = Api.newCreator();
        String keyForKey = UUID.randomUUID().toString();
        String keyForHook = UUID.randomUUID().toString();
        String apiKey = creator.request().header("Idempotency-Key", keyForKey).body("{\"name\":\"zapier\"}")
                .post("/v1/api-keys").then().statusCode(201).extract().path("apiKey");
        String hook = "{\"url\":\"http://127.0.0.1:9/livecue\",\"events\":[\"live.reminder\"]}";
        String secret = creator.request().header("Idempotency-Key", keyForHook).body(hook)
                .post("/v1/webhooks").then().statusCode(201).extract().path("secret");

        // THEN the answers the store keeps for those keys hold neither secret (the API key is stored only as a hash,
        // the webhook secret only on the subscription, which signs with it)
        List<Map<String, AttributeValue>> remembered = dynamo.query(q -> q.tableName(config.table()).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.creator(creator.id())))))
                .items().stream().filter(item -> item.get("type").s().equals("idempotency")).toList();
        assertEquals(2, remembered.size());
        assertFalse(remembered.toString().contains(apiKey), "the API key");
        assertFalse(remembered.toString().contains(secret.substring("whsec_".length())), "the webhook secret");

        // AND a retry with the same key still gets the answer it lost, secret included
        creator.request().header("Idempotency-Key", keyForKey).body("{\"name\":\"zapier\"}").post("/v1/api-keys")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("apiKey", equalTo(apiKey));
        creator.request().header("Idempotency-Key", keyForHook).body(hook).post("/v1/webhooks")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("secret", equalTo(secret));
    }

    @Test
    void idempotencyKey_heldByARequestThatStoppedAnswering_shouldSayWhenToRetry() {
        // GIVEN a request that took its key and then stopped (a crash) before it answered
        TestCreator creator = Api.newCreator();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"crashed\"}";
        idempotency.begin(Caller.creator(creator.id(), "key_crashed"), "POST", "/v1/api-keys", key,
                body.getBytes(StandardCharsets.UTF_8));

        // WHEN the client retries with the same key THEN 409, with when the key is free again (its minute's lease)
        String retryAfter = creator.request().header("Idempotency-Key", key).body(body).post("/v1/api-keys")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-in-use")).extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 61, "Retry-After " + retryAfter);
    }

    @Test
    void idempotencyKey_shouldBeScopedToCaller() {
        TestCreator alice = Api.newCreator();
        TestCreator bob = Api.newCreator();
        String key = "shared-key-" + UUID.randomUUID();

        String aliceKey = alice.request().header("Idempotency-Key", key).body("{\"name\":\"one\"}").post("/v1/api-keys")
                .then().statusCode(201).extract().path("apiKey");
        String bobKey = bob.request().header("Idempotency-Key", key).body("{\"name\":\"one\"}").post("/v1/api-keys")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("apiKey");

        org.junit.jupiter.api.Assertions.assertNotEquals(aliceKey, bobKey);
        alice.request().get("/v1/api-keys").then().body("items", hasSize(2));
        bob.request().get("/v1/api-keys").then().body("items", hasSize(2));

        // the same endpoint with a trailing slash is the same scope: a retry that adds one replays
        alice.request().header("Idempotency-Key", key).body("{\"name\":\"one\"}").post("/v1/api-keys/")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("apiKey", equalTo(aliceKey));
        alice.request().get("/v1/api-keys").then().body("items", hasSize(2));
    }

    @Test
    void idempotencyKey_shouldBe400_whenLongerThan255() {
        TestCreator creator = Api.newCreator();
        creator.request().header("Idempotency-Key", "k".repeat(256)).body("{}").post("/v1/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        creator.request().get("/v1/api-keys").then().body("items", hasSize(1));
    }

    @Test
    void listKeys_shouldPage_withLimitAndCursor() {
        TestCreator creator = Api.newCreator();
        for (int i = 0; i < 4; i++) {
            creator.request().body("{\"name\":\"k" + i + "\"}").post("/v1/api-keys").then().statusCode(201);
        }
        String cursor = creator.request().queryParam("limit", 3).get("/v1/api-keys")
                .then().statusCode(200).body("items", hasSize(3)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        creator.request().queryParam("limit", 3).queryParam("cursor", cursor).get("/v1/api-keys")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", nullValue());
        creator.request().queryParam("limit", "abc").get("/v1/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        creator.request().queryParam("limit", 201).get("/v1/api-keys").then().statusCode(400);
        creator.request().queryParam("cursor", "!!!").get("/v1/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        // a cursor that decodes but is no key of this list ("garbage", or another list's) is a 400, not DynamoDB's 500
        for (String list : List.of("/v1/api-keys", "/v1/webhooks", "/v1/schedules")) {
            for (String foreign : List.of("Z2FyYmFnZQ", cursor)) {
                if (foreign.equals(cursor) && list.equals("/v1/api-keys")) {
                    continue;
                }
                creator.request().queryParam("cursor", foreign).get(list)
                        .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
            }
        }
    }

    @Test
    void unknownRouteAndWrongMethod_shouldBeProblemJson() {
        TestCreator creator = Api.newCreator();
        creator.request().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        // RFC 9110: a 405 names the methods the resource does allow, in the Allow header (one line or several)
        io.restassured.response.Response me = creator.request().put("/v1/me");
        me.then().statusCode(405).contentType("application/problem+json")
                .body("detail", equalTo("PUT is not allowed on /v1/me; it allows GET, HEAD, OPTIONS, PATCH"));
        assertEquals("GET, HEAD, OPTIONS, PATCH", String.join(", ", me.headers().getValues("Allow")));
        io.restassured.response.Response schedules = creator.request().delete("/v1/schedules");
        schedules.then().statusCode(405);
        assertEquals("GET, HEAD, OPTIONS, POST", String.join(", ", schedules.headers().getValues("Allow")));
        // a sub-path allows its own methods, not its class's
        io.restassured.response.Response key = creator.request().get("/v1/api-keys/key_x");
        assertEquals(405, key.statusCode(), key.asString());
        assertEquals("DELETE, OPTIONS", String.join(", ", key.headers().getValues("Allow")));
        // and OPTIONS offers the same list, not every method of the resource class
        assertEquals("GET, HEAD, OPTIONS, POST", String.join(", ", creator.request().options("/v1/schedules").headers().getValues("Allow")));
        assertEquals("DELETE, OPTIONS", String.join(", ", creator.request().options("/v1/api-keys/key_x").headers().getValues("Allow")));
        assertEquals("GET, HEAD, OPTIONS, PATCH", String.join(", ", creator.request().options("/v1/me").headers().getValues("Allow")));
    }

    @Test
    void wrongMediaTypes_shouldNameTheHeaderAndWhatToSend() {
        TestCreator creator = Api.newCreator();
        // curl -d sends form encoding unless told otherwise: the answer says which header to change, and to what
        creator.request().contentType("application/x-www-form-urlencoded").body("description=laptop").post("/v1/api-keys")
                .then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"))
                .body("detail", startsWith("Content-Type application/x-www-form-urlencoded"))
                .body("detail", containsString("is not a type this endpoint reads; send JSON as application/json"));
        creator.request().contentType("text/plain").body("{}").patch("/v1/me")
                .then().statusCode(415).body("errors[0].field", equalTo("Content-Type"))
                .body("detail", containsString("application/merge-patch+json"));
        creator.request().accept("text/html").get("/v1/me")
                .then().statusCode(406).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Accept"))
                .body("detail", startsWith("Accept text/html allows none of the types this endpoint answers in"));
        creator.request().get("/v1/api-keys").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void idsNoResourceCouldHave_are404ProblemJson_neverA500() {
        TestCreator creator = Api.newCreator();
        // longer than DynamoDB accepts in a key, a NUL byte, a quote, a traversal
        for (String id : new String[] {"x".repeat(1100), "%00", "a'b", "..%2F..%2Fetc"}) {
            creator.request().urlEncodingEnabled(false).delete("/v1/api-keys/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
            creator.request().urlEncodingEnabled(false).body("{}").post("/v1/schedules/" + id + "/occurrences/" + id + "/cancel")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        // and a key that is not valid is still a 401 first
        given().urlEncodingEnabled(false).delete("/v1/api-keys/" + "x".repeat(2048)).then().statusCode(401);
    }
}
