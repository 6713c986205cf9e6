package dev.livecue.testing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.livecue.core.creator.CreatedCreator;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.creator.NewCreator;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured shortcuts for the calls every test needs: a fresh creator and requests made as it. */
public final class Api {

    /** Must match livecue.admin-token in the test configuration. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    /** A creator made for one test: its id, handle and first API key. */
    public record TestCreator(String id, String handle, String apiKey) {

        public RequestSpecification request() {
            return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
        }
    }

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    /** Creates a creator with a unique handle in {@code timeZone}. */
    public static TestCreator newCreator(String timeZone) {
        return newCreator(timeZone, "en-US");
    }

    public static TestCreator newCreator(String timeZone, String locale) {
        String handle = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        var response = admin()
                .body("{\"handle\":\"" + handle + "\",\"displayName\":\"Test " + handle + "\",\"timeZone\":\"" + timeZone
                        + "\",\"locale\":\"" + locale + "\"}")
                .post("/v1/creators")
                .then().statusCode(201).extract();
        return new TestCreator(response.path("creator.id"), handle, response.path("apiKey"));
    }

    public static TestCreator newCreator() {
        return newCreator("America/New_York");
    }

    /**
     * Creates a creator through the service, for the tests of functions that do not serve {@code POST /v1/creators}
     * (only the schedules function does).
     */
    public static TestCreator newCreator(CreatorService creators) {
        return newCreator(creators, "America/New_York", "en-US");
    }

    /** The same, in {@code timeZone} and {@code locale}. */
    public static TestCreator newCreator(CreatorService creators, String timeZone, String locale) {
        String handle = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        CreatedCreator created = creators.create(new NewCreator(handle, "Test " + handle, timeZone, locale));
        return new TestCreator(created.creator().id(), handle, created.apiKey());
    }
}
