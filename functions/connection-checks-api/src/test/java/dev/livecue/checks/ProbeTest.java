package dev.livecue.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api.TestCreator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The download and upload probes the app times: sizes, limits, caching and auth. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ProbeTest {

    private static final int MAX = 4 * 1024 * 1024;

    @Inject
    CheckFixtures fixtures;

    private TestCreator creator;

    @BeforeEach
    void creator() {
        creator = fixtures.creator();
    }

    @Test
    void download_shouldAnswerExactlyNIncompressibleUncachedBytes() {
        for (int size : new int[] {0, 1, 65_536, MAX}) {
            byte[] body = creator.request().queryParam("bytes", size).get("/v1/connection-checks/probe")
                    .then().statusCode(200)
                    .contentType("application/octet-stream")
                    .header("Cache-Control", "no-store")
                    .extract().asByteArray();
            assertEquals(size, body.length);
        }
        byte[] first = download(1_000_000);
        byte[] second = download(1_000_000);
        assertFalse(Arrays.equals(first, second), "every probe is fresh random data");
        assertTrue(deflated(first) > first.length * 0.99, "random bytes do not compress");
    }

    @Test
    void download_shouldBe400_forSizesOutOfRange() {
        for (String bytes : new String[] {String.valueOf(MAX + 1), "-1", "1e3", "abc", "", "99999999999"}) {
            creator.request().queryParam("bytes", bytes).get("/v1/connection-checks/probe")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("bytes"));
        }
        creator.request().get("/v1/connection-checks/probe").then().statusCode(400).body("errors[0].field", equalTo("bytes"));
    }

    @Test
    void upload_shouldCountWhatItReceived_upTo4MiB() {
        for (int size : new int[] {0, 1, 1_000_000, MAX}) {
            given().header("Authorization", "Bearer " + creator.apiKey()).contentType("application/octet-stream")
                    .body(new byte[size]).post("/v1/connection-checks/probe")
                    .then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                    .body("receivedBytes", equalTo(size)).body("serverMs", greaterThanOrEqualTo(0));
        }
    }

    @Test
    void upload_shouldBe413ProblemJson_whenLargerThan4MiB() {
        given().header("Authorization", "Bearer " + creator.apiKey()).contentType("application/octet-stream")
                .body(new byte[MAX + 1]).post("/v1/connection-checks/probe")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void probes_shouldBe401_withoutAKey() {
        given().queryParam("bytes", 10).get("/v1/connection-checks/probe").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/octet-stream").body(new byte[10]).post("/v1/connection-checks/probe")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private byte[] download(int size) {
        return creator.request().queryParam("bytes", size).get("/v1/connection-checks/probe")
                .then().statusCode(200).extract().asByteArray();
    }

    private static int deflated(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.size();
    }
}
