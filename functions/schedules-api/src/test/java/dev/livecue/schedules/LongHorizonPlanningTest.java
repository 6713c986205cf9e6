package dev.livecue.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A reminder horizon configured longer than the default, so that a new series wants more reminders than one
 * DynamoDB transaction takes: the schedule is written, then planned, and every reminder is still there.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
@TestProfile(LongHorizonPlanningTest.ThirtyDayHorizon.class)
class LongHorizonPlanningTest {

    public static class ThirtyDayHorizon implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("livecue.schedules.reminder-horizon", "P30D");
        }
    }

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void create_shouldPlanEveryReminder_whenTheSeriesWantsMoreThanOneTransactionTakes() {
        clock.pin(Instant.parse("2027-03-01T12:00:00Z"));
        TestCreator creator = Api.newCreator("UTC");

        String id = creator.request().body(SchedulesApiTest.schedule("2027-03-02T18:00", "UTC", "FREQ=DAILY",
                        List.of("PT5M", "PT1H", "PT6H", "P1D", "P7D")))
                .post("/v1/schedules").then().statusCode(201).extract().path("id");

        // the 29 lives within 30 days (Mar 2 to 30), six reminders each, less the six week-ahead ones already due
        JsonPath planned = creator.request().get("/v1/schedules/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(29 * 6 - 6, planned.getList("pendingReminders").size());
        assertEquals(id + ".2027-03-30", planned.getString("pendingReminders[-1].occurrenceId"));
    }
}
