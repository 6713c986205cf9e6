package dev.livecue.sessions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.ProblemType;
import dev.livecue.core.schedule.OccurrenceIds;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.schedule.ScheduleService;
import dev.livecue.core.schedule.VacationRequest;
import dev.livecue.core.schedule.VacationService;
import dev.livecue.core.session.AbandonedSessionsJob;
import dev.livecue.core.session.MissedLivesJob;
import dev.livecue.core.session.PlannedLives;
import dev.livecue.core.session.Session;
import dev.livecue.core.session.SessionStatus;
import dev.livecue.core.store.ConcurrentUpdateException;
import dev.livecue.core.store.SessionStore;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api;
import dev.livecue.testing.Api.TestCreator;
import dev.livecue.testing.Outbox;
import dev.livecue.testing.ServerTiming;
import dev.livecue.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The two-step close-out, interrupts and the sweeps, against DynamoDB Local. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class CloseOutApiTest {

    /** Tuesday 2026-12-01 19:00 in Los Angeles (PST). */
    private static final Instant TUESDAY_EVENING = Instant.parse("2026-12-02T03:00:00Z");
    private static final Map<String, Object> STATS = Map.of("peakViewers", 120, "uniqueViewers", 900, "newFollowers", 14,
            "comments", 300, "likes", 5000, "shares", 7, "gifts", 3);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    LivecueConfig config;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    CreatorService creators;

    @Inject
    ScheduleService schedules;

    @Inject
    PlannedLives planned;

    @Inject
    VacationService vacations;

    @Inject
    SessionStore sessionStore;

    @Inject
    AbandonedSessionsJob abandonedSessions;

    @Inject
    MissedLivesJob missedLives;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void close_shouldEndNothing_untilConfirmed() {
        // GIVEN a live session
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        clock.pin(TUESDAY_EVENING.plus(Duration.ofMinutes(50)));

        // WHEN the close is prepared
        creator.request().body(Map.of("reason", "planned")).post("/v1/sessions/" + id + "/close")
                .then().statusCode(202)
                .body("confirmationToken", startsWith("ct_"))
                .body("expiresAt", equalTo(TUESDAY_EVENING.plus(Duration.ofMinutes(55)).toString()))
                .body("goodbye.script", startsWith("Thank you"));

        // THEN the live goes on: still live, nothing announced
        creator.request().get("/v1/sessions/" + id).then().statusCode(200)
                .body("status", equalTo("live")).body("endedAt", nullValue()).body("stats", nullValue());
        assertEquals(0, events(creator, "session.closed").size());
    }

    @Test
    void confirm_shouldCloseWithStatsReplayWindowAndOneEvent() {
        // GIVEN a creator keeping replays 30 days, and a prepared close
        TestCreator creator = creator();
        creators.update(creator.id(), json("{\"replayDays\": 30}"));
        String id = goLive(creator, TUESDAY_EVENING);
        Instant end = TUESDAY_EVENING.plus(Duration.ofMinutes(75));
        clock.pin(end);
        String token = prepare(creator, id);

        // WHEN it is confirmed
        creator.request().body(Map.of("confirmationToken", token, "stats", STATS)).post("/v1/sessions/" + id + "/close/confirm")
                .then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("endedAt", equalTo(end.toString()))
                .body("durationMinutes", equalTo(75))
                .body("replayAvailableUntil", equalTo(end.plus(Duration.ofDays(30)).toString()))
                .body("goodbye.script", startsWith("Thank you"))
                .body("stats.peakViewers", equalTo(120)).body("stats.gifts", equalTo(3));

        // THEN one session.closed event carries the goodbye, the stats and the replay window
        List<JsonNode> closed = events(creator, "session.closed");
        assertEquals(1, closed.size());
        assertEquals(id, closed.get(0).get("id").asText());
        assertEquals(120, closed.get(0).get("stats").get("peakViewers").asInt());
        assertEquals(end.plus(Duration.ofDays(30)).toString(), closed.get(0).get("replayAvailableUntil").asText());
        assertTrue(closed.get(0).get("goodbye").get("script").asText().contains("isn't on the calendar yet"));
        creator.request().get("/v1/sessions/" + id).then().body("status", equalTo("closed"));
    }

    @Test
    void confirm_shouldNeverEndBeforeTheStart_whenThePhoneReportedAStartAheadOfTheClock() {
        // GIVEN a phone whose clock runs three minutes ahead, reporting its start, then ending at once
        TestCreator creator = creator();
        clock.pin(TUESDAY_EVENING);
        Instant reported = TUESDAY_EVENING.plus(Duration.ofMinutes(3));
        String id = creator.request().body(Map.of("startedAt", reported.toString())).post("/v1/sessions")
                .then().statusCode(201).extract().path("id");

        // WHEN it is closed right away THEN it ends where it started, and the analytics count no negative time
        confirm(creator, id, prepare(creator, id)).then().statusCode(200)
                .body("endedAt", equalTo(reported.toString())).body("durationMinutes", equalTo(0));
        creator.request().queryParam("from", TUESDAY_EVENING.minus(Duration.ofDays(1)).toString())
                .queryParam("to", TUESDAY_EVENING.plus(Duration.ofDays(1)).toString()).get("/v1/analytics")
                .then().statusCode(200).body("hoursLive", equalTo(0.0f));
    }

    @Test
    void confirm_shouldBe409AndKeepLive_whenTokenIsWrong() {
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        String token = prepare(creator, id);

        confirm(creator, id, token + "x").then().statusCode(409).contentType("application/problem+json");
        confirm(creator, id, "ct_made_up").then().statusCode(409);

        creator.request().get("/v1/sessions/" + id).then().body("status", equalTo("live"));
        assertEquals(0, events(creator, "session.closed").size());
        confirm(creator, id, token).then().statusCode(200);
    }

    @Test
    void confirm_shouldBe409_whenAnEarlierTokenWasReplaced() {
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        String first = prepare(creator, id);
        String second = prepare(creator, id);

        confirm(creator, id, first).then().statusCode(409);
        confirm(creator, id, second).then().statusCode(200);
    }

    @Test
    void confirm_shouldBe410_whenTokenExpired() {
        // GIVEN a close prepared 5 minutes and 1 second ago
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        String token = prepare(creator, id);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        // WHEN / THEN
        confirm(creator, id, token).then().statusCode(410).contentType("application/problem+json");
        creator.request().get("/v1/sessions/" + id).then().body("status", equalTo("live"));
        assertEquals(0, events(creator, "session.closed").size());

        // and a fresh close works
        confirm(creator, id, prepare(creator, id)).then().statusCode(200);
    }

    @Test
    void confirm_shouldAnswerTheSameAndWriteOnce_whenRepeatedWithTheSameToken() {
        // GIVEN a confirmed close
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        String token = prepare(creator, id);
        String first = confirm(creator, id, token).then().statusCode(200).extract().asString();

        // WHEN the same token comes again, later and with other stats
        clock.advance(Duration.ofMinutes(30));
        String again = creator.request()
                .body(Map.of("confirmationToken", token, "stats", Map.of("peakViewers", 1)))
                .post("/v1/sessions/" + id + "/close/confirm").then().statusCode(200).extract().asString();

        // THEN the answer is the same, and one close was written
        assertEquals(first, again);
        assertEquals(1, events(creator, "session.closed").size());
    }

    @Test
    void confirm_shouldEndOnce_whenTwoConfirmationsRace() throws Exception {
        // GIVEN a prepared close
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        String token = prepare(creator, id);

        // WHEN two confirmations are sent at the same moment
        CountDownLatch go = new CountDownLatch(1);
        Callable<ExtractableResponse<Response>> confirm = () -> {
            go.await();
            return confirm(creator, id, token).then().extract();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ExtractableResponse<Response>> a = pool.submit(confirm);
            Future<ExtractableResponse<Response>> b = pool.submit(confirm);
            go.countDown();

            // THEN both get the one close, which was written and announced once
            assertEquals(200, a.get().statusCode());
            assertEquals(200, b.get().statusCode());
            assertEquals(a.get().asString(), b.get().asString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, events(creator, "session.closed").size());
    }

    @Test
    void end_shouldRefuseTheSecondWrite_fromTheSameVersion() {
        // GIVEN a live session read once by two requests
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        Session read = sessionStore.find(creator.id(), id).orElseThrow();
        Session closed = read.ended(SessionStatus.CLOSED, "planned", TUESDAY_EVENING.plusSeconds(600),
                null, null, null, null);

        // WHEN both write their end THEN the second is refused (optimistic locking)
        sessionStore.end(creator.id(), closed, read.version(), List.of());
        assertThrows(ConcurrentUpdateException.class, () -> sessionStore.end(creator.id(), closed, read.version(), List.of()));
    }

    @Test
    void goodbye_shouldNameWeekdayAndLocalTimeOfTheNextLive_forALosAngelesCreator() {
        // GIVEN a Los Angeles creator with a weekly Friday 19:00 live from 2026-12-04
        clock.pin(TUESDAY_EVENING.minus(Duration.ofDays(1)));
        TestCreator creator = creator();
        Lives.plan(schedules, creator.id(), "2026-12-04T19:00", "America/Los_Angeles", "FREQ=WEEKLY;BYDAY=FR;COUNT=4", "Friday Q&A");
        String id = goLive(creator, TUESDAY_EVENING);

        // WHEN the close is prepared on Tuesday evening
        creator.request().body("{}").post("/v1/sessions/" + id + "/close")
                .then().statusCode(202)
                // THEN the script names Friday 7:00 PM Pacific time, and nextLive says when that is
                .body("goodbye.script", containsString("\"Friday Q&A\" on Friday, December 4, 2026 at 7:00"))
                .body("goodbye.script", matchesPattern(".*7:00\\sPM \\(Pacific Standard Time\\).*"))
                .body("goodbye.script", containsString("Hit follow"))
                .body("goodbye.nextLive.start", equalTo("2026-12-05T03:00:00Z"))
                .body("goodbye.nextLive.localStart", equalTo("2026-12-04T19:00"))
                .body("goodbye.nextLive.timeZone", equalTo("America/Los_Angeles"))
                .body("goodbye.nextLive.title", equalTo("Friday Q&A"));
    }

    @Test
    void goodbye_shouldNameTheFirstLiveAfterAVacation_readWithTheProfileInOneRoundTrip() {
        // GIVEN a weekly Friday 19:00 Los Angeles live from 2026-12-04, and a vacation over its first two Fridays
        clock.pin(TUESDAY_EVENING.minus(Duration.ofDays(1)));
        TestCreator creator = creator();
        Lives.plan(schedules, creator.id(), "2026-12-04T19:00", "America/Los_Angeles", "FREQ=WEEKLY;BYDAY=FR;COUNT=4", "Friday Q&A");
        vacations.set(creator.id(), new VacationRequest("2026-12-03", "2026-12-13"));
        String id = goLive(creator, TUESDAY_EVENING);

        // WHEN the close is prepared on Tuesday evening
        ExtractableResponse<Response> prepared = creator.request().body("{}").post("/v1/sessions/" + id + "/close")
                .then().statusCode(202)
                // THEN the goodbye names the first Friday after the vacation
                .body("goodbye.nextLive.localStart", equalTo("2026-12-18T19:00"))
                .body("goodbye.script", containsString("on Friday, December 18, 2026 at 7:00"))
                .extract();
        // AND the profile and the vacation came in one read (the lookup's first window, 8 days, held no live)
        assertEquals(7, ServerTiming.of(prepared).dynamoCalls(), "the API key, the session, the profile and vacation, "
                + "the schedules, their occurrence states in the 8-day and then the 64-day window, the prepared close");
    }

    @Test
    void goodbye_shouldKeepLocalTimeOfTheNextLive_acrossTheDstChange() {
        // GIVEN a weekly Saturday 19:00 Los Angeles series; the creator is live for the one of 2026-03-07 (PST)
        clock.pin(Instant.parse("2026-02-27T12:00:00Z"));
        TestCreator creator = creator();
        String first = Lives.plan(schedules, creator.id(), "2026-02-28T19:00", "America/Los_Angeles", "FREQ=WEEKLY;BYDAY=SA;COUNT=5", "Saturday show");
        String march7 = first.replace("2026-02-28", "2026-03-07");
        clock.pin(Instant.parse("2026-03-08T03:02:00Z"));
        String id = creator.request().body(Map.of("occurrenceId", march7)).post("/v1/sessions")
                .then().statusCode(201).body("delayMinutes", equalTo(2)).extract().path("id");

        // WHEN the close is prepared after the clocks went forward (2026-03-08 02:00 PST -> 03:00 PDT)
        clock.pin(Instant.parse("2026-03-08T12:00:00Z"));
        creator.request().body("{}").post("/v1/sessions/" + id + "/close")
                .then().statusCode(202)
                // THEN the next live is still 19:00 local, now PDT: 02:00 UTC instead of 03:00
                .body("goodbye.script", containsString("on Saturday, March 14, 2026 at 7:00"))
                .body("goodbye.script", containsString("(Pacific Daylight Time)"))
                .body("goodbye.nextLive.start", equalTo("2026-03-15T02:00:00Z"))
                .body("goodbye.nextLive.localStart", equalTo("2026-03-14T19:00"));
    }

    @Test
    void goodbye_shouldBeInTheCreatorsLanguage_andUseTheirFollowCta() {
        clock.pin(TUESDAY_EVENING.minus(Duration.ofDays(1)));
        TestCreator creator = Api.newCreator(creators, "Europe/Berlin", "de-DE");
        creators.update(creator.id(), json("{\"followCta\": \"Folgt mir für mehr!\"}"));
        Lives.plan(schedules, creator.id(), "2026-12-04T19:00", "Europe/Berlin", null, "Freitagsrunde");
        String id = goLive(creator, TUESDAY_EVENING);

        creator.request().body("{}").post("/v1/sessions/" + id + "/close")
                .then().statusCode(202)
                .body("goodbye.script", startsWith("Vielen Dank"))
                .body("goodbye.script", containsString("am Freitag, 4. Dezember 2026 um 19:00"))
                .body("goodbye.script", containsString("Folgt mir für mehr!"));
    }

    @Test
    void sessions_shouldBe404_forAnotherCreatorsSession() {
        TestCreator alice = creator();
        TestCreator bob = creator();
        String id = goLive(alice, TUESDAY_EVENING);
        String token = prepare(alice, id);

        bob.request().get("/v1/sessions/" + id).then().statusCode(404).contentType("application/problem+json");
        bob.request().body("{}").post("/v1/sessions/" + id + "/close").then().statusCode(404);
        confirm(bob, id, token).then().statusCode(404);
        bob.request().body("{}").post("/v1/sessions/" + id + "/interrupt").then().statusCode(404);
        bob.request().get("/v1/sessions").then().statusCode(200).body("items.id", not(hasItem(id)));

        alice.request().get("/v1/sessions/" + id).then().statusCode(200).body("status", equalTo("live"));
    }

    @Test
    void confirm_shouldBe400NamingTheField_andEndNothing_whenStatsAreNegativeOrAbsurd() {
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        String token = prepare(creator, id);

        confirmWith(creator, id, token, "{\"peakViewers\": -1}")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("stats.peakViewers"));
        confirmWith(creator, id, token, "{\"likes\": 99999999999999999999999}")
                .then().statusCode(400).body("errors[0].field", equalTo("stats.likes"));
        confirmWith(creator, id, token, "{\"uniqueViewers\": 900000000000}")
                .then().statusCode(400).body("errors[0].field", equalTo("stats.uniqueViewers"));
        confirmWith(creator, id, token, "{\"comments\": 2.5, \"shares\": \"7\"}")
                .then().statusCode(400).body("errors.field", hasItem("stats.comments")).body("errors.field", hasItem("stats.shares"));
        confirmWith(creator, id, token, "{\"peakViewers\": 5000, \"uniqueViewers\": 10}")
                .then().statusCode(400).body("errors[0].field", equalTo("stats.peakViewers"));
        confirmWith(creator, id, token, "{\"likes\": 1, \"likes\": 2}")
                .then().statusCode(400).body("errors[0].field", equalTo("stats.likes"))
                .body("errors[0].message", equalTo("appears more than once"));
        confirmWith(creator, id, token, "{\"viewers\": 5}")
                .then().statusCode(400).body("errors[0].field", equalTo("stats.viewers"));

        creator.request().get("/v1/sessions/" + id).then().body("status", equalTo("live"));
        assertEquals(0, events(creator, "session.closed").size());

        // stats left out as a whole, as the OpenAPI document allows, close the live with nothing reported
        creator.request().body("{\"confirmationToken\": \"" + token + "\"}").post("/v1/sessions/" + id + "/close/confirm")
                .then().statusCode(200).body("status", equalTo("closed")).body("stats.peakViewers", nullValue());
    }

    @Test
    void close_shouldBe400_forAnUnknownReason_and409_whenNotLive() {
        TestCreator creator = creator();
        String id = goLive(creator, TUESDAY_EVENING);
        creator.request().body(Map.of("reason", "bored")).post("/v1/sessions/" + id + "/close")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        confirm(creator, id, prepare(creator, id)).then().statusCode(200);

        creator.request().body("{}").post("/v1/sessions/" + id + "/close").then().statusCode(409);
        creator.request().body("{}").post("/v1/sessions/" + id + "/interrupt").then().statusCode(409);
    }

    @Test
    void interrupt_shouldEndAsInterrupted_withAMakeUpSlotOnTheNextFreeDay() {
        // GIVEN a daily 19:00 Los Angeles live for three days, and the creator live for the first
        clock.pin(TUESDAY_EVENING.minus(Duration.ofDays(1)));
        TestCreator creator = creator();
        String first = Lives.plan(schedules, creator.id(), "2026-12-01T19:00", "America/Los_Angeles", "FREQ=DAILY;COUNT=3", "Daily");
        clock.pin(TUESDAY_EVENING);
        String id = creator.request().body(Map.of("occurrenceId", first)).post("/v1/sessions").then().statusCode(201).extract().path("id");
        assertEquals(OccurrenceStatus.LIVE, planned.find(creator.id(), first).orElseThrow().status());

        // WHEN the connection drops 20 minutes in
        clock.pin(TUESDAY_EVENING.plus(Duration.ofMinutes(20)));
        creator.request().body(Map.of("reason", "connection")).post("/v1/sessions/" + id + "/interrupt")
                .then().statusCode(200)
                .body("status", equalTo("interrupted"))
                .body("endReason", equalTo("connection"))
                .body("durationMinutes", equalTo(20))
                // THEN the make-up is 19:00 on the first day after the series (Friday 2026-12-04)
                .body("makeUp.localStart", equalTo("2026-12-04T19:00"))
                .body("makeUp.start", equalTo("2026-12-05T03:00:00Z"))
                .body("makeUp.timeZone", equalTo("America/Los_Angeles"))
                .body("makeUp.durationMinutes", equalTo(60));

        // and it is announced once, and the planned live counts as held
        List<JsonNode> interrupted = events(creator, "session.interrupted");
        assertEquals(1, interrupted.size());
        assertEquals("2026-12-05T03:00:00Z", interrupted.get(0).get("makeUp").get("start").asText());
        assertEquals(OccurrenceStatus.HELD, planned.find(creator.id(), first).orElseThrow().status());
        creator.request().body("{}").post("/v1/sessions/" + id + "/interrupt").then().statusCode(200).body("status", equalTo("interrupted"));
        assertEquals(1, events(creator, "session.interrupted").size());
    }

    @Test
    void interrupt_shouldSuggestAMakeUpAfterTheCreatorsVacation() {
        // GIVEN an unscheduled live on Tuesday evening, and a vacation from Wednesday to Friday
        clock.pin(TUESDAY_EVENING.minus(Duration.ofDays(1)));
        TestCreator creator = creator();
        vacations.set(creator.id(), new VacationRequest("2026-12-02", "2026-12-04"));
        String id = goLive(creator, TUESDAY_EVENING);

        // WHEN it is cut off THEN the make-up is on Saturday, the first day back, at the live's own local time
        clock.pin(TUESDAY_EVENING.plus(Duration.ofMinutes(20)));
        creator.request().body(Map.of("reason", "crash")).post("/v1/sessions/" + id + "/interrupt")
                .then().statusCode(200).body("makeUp.localStart", startsWith("2026-12-05T"));
    }

    @Test
    void close_shouldMarkThePlannedLiveHeld() {
        TestCreator creator = creator();
        OnAir live = goLiveForOneOffLive(creator);

        confirm(creator, live.sessionId(), prepare(creator, live.sessionId())).then().statusCode(200);

        assertEquals(OccurrenceStatus.HELD, planned.find(creator.id(), live.occurrenceId()).orElseThrow().status());
    }

    @Test
    void close_shouldEndTheLive_whenItsSeriesWasDeletedWhileLive() {
        TestCreator creator = creator();
        OnAir live = goLiveForOneOffLive(creator);
        schedules.delete(creator.id(), OccurrenceIds.parse(live.occurrenceId()).orElseThrow().scheduleId());

        confirm(creator, live.sessionId(), prepare(creator, live.sessionId())).then().statusCode(200).body("status", equalTo("closed"));

        assertEquals(1, events(creator, "session.closed").size());
        assertTrue(planned.find(creator.id(), live.occurrenceId()).isEmpty(), "the deleted series has no lives to show");
    }

    /** A session and the planned live it is for. */
    private record OnAir(String occurrenceId, String sessionId) {
    }

    /** Plans a one-off live for Tuesday evening the day before, then goes live for it on Tuesday evening. */
    private OnAir goLiveForOneOffLive(TestCreator creator) {
        clock.pin(TUESDAY_EVENING.minus(Duration.ofDays(1)));
        String occurrence = Lives.plan(schedules, creator.id(), "2026-12-01T19:00", "America/Los_Angeles", null, "Once");
        clock.pin(TUESDAY_EVENING);
        String id = creator.request().body(Map.of("occurrenceId", occurrence)).post("/v1/sessions").then().statusCode(201).extract().path("id");
        return new OnAir(occurrence, id);
    }

    @Test
    void sweep_shouldCloseAsAbandoned_aSessionStillLive12HoursAfterItStarted() {
        // GIVEN two lives, one started 12 hours ago and one 11 hours ago
        TestCreator creator = creator();
        Instant old = Instant.parse("2027-01-10T08:00:00Z");
        String stale = goLive(creator, old);
        String recent = goLive(creator, old.plus(Duration.ofHours(1)));

        // WHEN the sweep runs a minute after the first turned 12 hours
        Sweeps.runAt(abandonedSessions, old.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(1)), dynamo, config.table());

        // THEN only the first is abandoned, without an end time or a goodbye, and automations hear of it as
        // abandoned, not closed (a goodbye posted twelve hours late would confuse the audience)
        creator.request().get("/v1/sessions/" + stale).then().statusCode(200)
                .body("status", equalTo("abandoned")).body("endReason", equalTo("abandoned"))
                .body("endedAt", nullValue()).body("goodbye", nullValue());
        creator.request().get("/v1/sessions/" + recent).then().body("status", equalTo("live"));
        assertEquals(0, events(creator, "session.closed").size());
        List<JsonNode> abandoned = events(creator, "session.abandoned");
        assertEquals(1, abandoned.size());
        assertEquals(stale, abandoned.get(0).get("id").asText());
        assertEquals("abandoned", abandoned.get(0).get("status").asText());

        // AND a second sweep raises it no second time
        Sweeps.runAt(abandonedSessions, old.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(2)), dynamo, config.table());
        assertEquals(1, events(creator, "session.abandoned").size());
    }

    @Test
    void sweep_shouldLeaveALiveWhoseCloseIsBeingConfirmed_untilItsTokenExpires() {
        // GIVEN two lives started 12 hours ago, each with a close prepared two minutes before the 12 hours were up
        TestCreator creator = creator();
        Instant started = Instant.parse("2027-01-12T08:00:00Z");
        String confirmed = goLive(creator, started);
        String forgotten = goLive(creator, started);
        Instant twelveHours = started.plus(Duration.ofHours(12));
        clock.pin(twelveHours.minus(Duration.ofMinutes(2)));
        String token = prepare(creator, confirmed);
        prepare(creator, forgotten);

        // WHEN the sweep runs a minute after the 12 hours, while both tokens are valid
        Sweeps.runAt(abandonedSessions, twelveHours.plus(Duration.ofMinutes(1)), dynamo, config.table());

        // THEN neither is abandoned, and the creator's confirmation ends the first with its stats
        creator.request().get("/v1/sessions/" + forgotten).then().body("status", equalTo("live"));
        clock.pin(twelveHours.plus(Duration.ofMinutes(2)));
        confirm(creator, confirmed, token).then().statusCode(200)
                .body("status", equalTo("closed")).body("stats.peakViewers", equalTo(STATS.get("peakViewers")));

        // AND the live whose close was never confirmed is abandoned by the first sweep after its token expired
        Sweeps.runAt(abandonedSessions, twelveHours.plus(Duration.ofMinutes(4)), dynamo, config.table());
        creator.request().get("/v1/sessions/" + forgotten).then().body("status", equalTo("abandoned"));
        creator.request().get("/v1/sessions/" + confirmed).then().body("status", equalTo("closed"));
        assertEquals(List.of(forgotten), events(creator, "session.abandoned").stream().map(e -> e.get("id").asText()).toList());
    }

    @Test
    void sweep_shouldRecordAPlannedLiveWithoutSessionAsMissed() {
        // GIVEN two one-hour lives on 2027-02-01 at 10:00 and 14:00 Los Angeles (PST), and a session for the second
        clock.pin(Instant.parse("2027-01-30T12:00:00Z"));
        TestCreator creator = creator();
        String skipped = Lives.plan(schedules, creator.id(), "2027-02-01T10:00", "America/Los_Angeles", null, "Morning");
        String held = Lives.plan(schedules, creator.id(), "2027-02-01T14:00", "America/Los_Angeles", null, "Afternoon");
        goLiveFor(creator, held, Instant.parse("2027-02-01T22:00:00Z"));

        // WHEN the sweep runs before and after the end of the first slot plus 15 minutes' grace (19:15 UTC)
        Sweeps.runAt(missedLives, Instant.parse("2027-02-01T19:14:00Z"), dynamo, config.table());
        assertEquals(OccurrenceStatus.SCHEDULED, planned.find(creator.id(), skipped).orElseThrow().status());
        Sweeps.runAt(missedLives, Instant.parse("2027-02-01T19:16:00Z"), dynamo, config.table());
        Sweeps.runAt(missedLives, Instant.parse("2027-02-01T23:16:00Z"), dynamo, config.table());

        // THEN the first is missed, the second is not
        assertEquals(OccurrenceStatus.MISSED, planned.find(creator.id(), skipped).orElseThrow().status());
        assertEquals(OccurrenceStatus.LIVE, planned.find(creator.id(), held).orElseThrow().status());
    }

    @Test
    void seriesEdit_shouldMoveOnlyTheLivesToCome_keepingMissedHeldAndLiveOnesWhereTheyWere() {
        // GIVEN a daily 10:00 Los Angeles (PST) series from Monday 2027-02-01: missed Monday, held Tuesday, live Wednesday
        TestCreator creator = creator();
        String scheduleId = missedMondayHeldTuesday(creator, LocalDate.parse("2027-02-01"));
        String wednesday = Lives.occurrence(scheduleId, LocalDate.parse("2027-02-03"));
        String live = goLiveFor(creator, wednesday, Instant.parse("2027-02-03T17:55:00Z"));

        // WHEN, during Wednesday's live, the series moves to 14:00 from that day on, renamed and 90 minutes long
        clock.pin(Instant.parse("2027-02-03T18:30:00Z"));
        schedules.update(creator.id(), scheduleId,
                json("{\"start\": \"2027-02-03T14:00\", \"title\": \"Daily Q&A\", \"durationMinutes\": 90}"));

        // THEN Monday to Wednesday stay at 10:00 with what happened to them, their title and their hour (before,
        // Monday and Tuesday vanished from the series, the live showed 14:00, and a rename renamed the past too), and
        // the lives to come are at 14:00 as renamed; Wednesday is there once
        List<String> week = planned.between(creator.id(), Instant.parse("2027-02-01T00:00:00Z"), Instant.parse("2027-02-06T00:00:00Z"))
                .stream().map(o -> o.occurrenceId().substring(scheduleId.length() + 1) + " " + o.status().json() + " "
                        + o.start() + "-" + o.end() + " " + o.title()).toList();
        assertEquals(List.of("2027-02-01 missed 2027-02-01T18:00:00Z-2027-02-01T19:00:00Z Daily",
                "2027-02-02 held 2027-02-02T18:00:00Z-2027-02-02T19:00:00Z Daily",
                "2027-02-03 live 2027-02-03T18:00:00Z-2027-02-03T19:00:00Z Daily",
                "2027-02-04 scheduled 2027-02-04T22:00:00Z-2027-02-04T23:30:00Z Daily Q&A",
                "2027-02-05 scheduled 2027-02-05T22:00:00Z-2027-02-05T23:30:00Z Daily Q&A"), week);
        assertNull(planned.find(creator.id(), wednesday).orElseThrow().originalStart(), "kept where it was, not moved");

        // AND the live ends as held at its own start, and its goodbye names Thursday's new 14:00, not its own slot
        clock.pin(Instant.parse("2027-02-03T18:50:00Z"));
        String token = creator.request().body(Map.of("reason", "planned")).post("/v1/sessions/" + live + "/close")
                .then().statusCode(202).body("goodbye.nextLive.localStart", equalTo("2027-02-04T14:00"))
                .extract().path("confirmationToken");
        confirm(creator, live, token).then().statusCode(200);
        assertEquals(List.of("held 2027-02-03T18:00:00Z"), planned.find(creator.id(), wednesday).stream()
                .map(o -> o.status().json() + " " + o.start()).toList());

        // AND when the series then starts weeks later, the week keeps what happened in it, and nothing else
        schedules.update(creator.id(), scheduleId, json("{\"start\": \"2027-03-15T14:00\"}"));
        assertEquals(List.of("2027-02-01 missed", "2027-02-02 held", "2027-02-03 held"),
                planned.between(creator.id(), Instant.parse("2027-02-01T00:00:00Z"), Instant.parse("2027-02-06T00:00:00Z"))
                        .stream().map(o -> o.occurrenceId().substring(scheduleId.length() + 1) + " " + o.status().json()).toList());
    }

    @Test
    void deletedSeries_shouldKeepItsLivesThatHappened_andDropTheRest() {
        // GIVEN a daily 10:00 Los Angeles (PDT) series from Monday 2027-04-05: Monday missed, Tuesday held
        TestCreator creator = creator();
        String scheduleId = missedMondayHeldTuesday(creator, LocalDate.parse("2027-04-05"));
        // Tuesday's record as lives were recorded before 2026-12-07: without the start, title and length it went live for
        dynamo.updateItem(u -> u.tableName(config.table()).key(Map.of("pk", AttributeValue.fromS("CREATOR#" + creator.id()),
                "sk", AttributeValue.fromS("OCCURRENCE#" + scheduleId + ".2027-04-06")))
                .updateExpression("REMOVE #start, #tz, #kept, #title, #duration").expressionAttributeNames(Map.of("#start", "start",
                        "#tz", "timeZone", "#kept", "kept", "#title", "title", "#duration", "durationMinutes")));

        // WHEN the series is deleted on Wednesday at 10:05, its live not started (nor judged yet: the sweep waits 15
        // minutes after the slot for a late start)
        clock.pin(Instant.parse("2027-04-07T17:05:00Z"));
        schedules.delete(creator.id(), scheduleId);

        // THEN the week keeps Monday and Tuesday as they happened, Wednesday missed, and nothing after it (before,
        // the whole week was empty, and deleting a series with missed lives raised the adherence rate)
        assertEquals(List.of("missed 2027-04-05T17:00:00Z", "held 2027-04-06T17:00:00Z", "missed 2027-04-07T17:00:00Z"),
                planned.between(creator.id(), Instant.parse("2027-04-04T00:00:00Z"), Instant.parse("2027-04-12T00:00:00Z"))
                        .stream().map(o -> o.status().json() + " " + o.start()).toList());
        creator.request().get("/v1/analytics?from=2027-04-04T00:00:00Z&to=2027-04-08T00:00:00Z").then().statusCode(200)
                .body("consistency.planned", equalTo(3)).body("consistency.held", equalTo(1))
                .body("consistency.missed", equalTo(2));

        // AND the schedule itself is gone
        assertEquals(ProblemType.NOT_FOUND, assertThrows(ApiException.class, () -> schedules.delete(creator.id(), scheduleId)).type());
    }

    @Test
    void list_shouldPageThroughTheSessionsOfAWindow() {
        TestCreator creator = creator();
        Instant day = Instant.parse("2027-03-01T18:00:00Z");
        List<String> ids = List.of(goLive(creator, day), goLive(creator, day.plus(Duration.ofDays(1))),
                goLive(creator, day.plus(Duration.ofDays(2))), goLive(creator, day.plus(Duration.ofDays(3))));
        clock.pin(day.plus(Duration.ofDays(4)));

        ExtractableResponse<Response> page1 = creator.request()
                .get("/v1/sessions?from=2027-03-02T00:00:00Z&to=2027-03-04T18:00:00Z&limit=1").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(1)))).body("nextCursor", notNullValue()).extract();
        creator.request().get("/v1/sessions?from=2027-03-02T00:00:00Z&to=2027-03-04T18:00:00Z&limit=5&cursor=" + page1.path("nextCursor"))
                .then().statusCode(200).body("items.id", equalTo(List.of(ids.get(2)))).body("nextCursor", nullValue());
        creator.request().get("/v1/sessions").then().statusCode(200).body("items.id", equalTo(ids));
        creator.request().get("/v1/sessions?from=tomorrow").then().statusCode(400).body("errors[0].field", equalTo("from"));
        creator.request().get("/v1/sessions?cursor=bm9wZQ").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        creator.request().get("/v1/sessions?from=2026-01-01T00:00:00Z&to=2027-03-01T00:00:00Z").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    private TestCreator creator() {
        return Api.newCreator(creators, "America/Los_Angeles", "en-US");
    }

    /**
     * Plans a daily 10:00 Los Angeles series of ten lives from {@code monday} (two days before it), lets the missed-live
     * sweep find Monday's live missed, and holds Tuesday's (on time, ended 50 minutes in); answers the schedule id.
     */
    private String missedMondayHeldTuesday(TestCreator creator, LocalDate monday) {
        Instant mondayStart = monday.atTime(10, 0).atZone(ZoneId.of("America/Los_Angeles")).toInstant();
        clock.pin(mondayStart.minus(Duration.ofDays(2)));
        String first = Lives.plan(schedules, creator.id(), monday + "T10:00", "America/Los_Angeles", "FREQ=DAILY;COUNT=10", "Daily");
        String scheduleId = OccurrenceIds.parse(first).orElseThrow().scheduleId();
        // the slot is over at its end plus 15 minutes' grace
        Sweeps.runAt(missedLives, mondayStart.plus(Duration.ofMinutes(76)), dynamo, config.table());
        Instant tuesdayStart = mondayStart.plus(Duration.ofDays(1));
        String held = goLiveFor(creator, Lives.occurrence(scheduleId, monday.plusDays(1)), tuesdayStart);
        clock.pin(tuesdayStart.plus(Duration.ofMinutes(50)));
        confirm(creator, held, prepare(creator, held)).then().statusCode(200);
        return scheduleId;
    }

    private String goLive(TestCreator creator, Instant at) {
        clock.pin(at);
        return creator.request().body("{}").post("/v1/sessions").then().statusCode(201).extract().path("id");
    }

    private String goLiveFor(TestCreator creator, String occurrenceId, Instant at) {
        clock.pin(at);
        return creator.request().body(Map.of("occurrenceId", occurrenceId)).post("/v1/sessions")
                .then().statusCode(201).extract().path("id");
    }

    private static String prepare(TestCreator creator, String id) {
        return creator.request().body(Map.of("reason", "planned")).post("/v1/sessions/" + id + "/close")
                .then().statusCode(202).extract().path("confirmationToken");
    }

    private static Response confirm(TestCreator creator, String id, String token) {
        return creator.request().body(Map.of("confirmationToken", token, "stats", STATS)).post("/v1/sessions/" + id + "/close/confirm");
    }

    private static Response confirmWith(TestCreator creator, String id, String token, String stats) {
        return creator.request().body("{\"confirmationToken\": \"" + token + "\", \"stats\": " + stats + "}")
                .post("/v1/sessions/" + id + "/close/confirm");
    }

    private List<JsonNode> events(TestCreator creator, String type) {
        return Outbox.events(dynamo, config.table(), creator.id(), type);
    }

    private JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
