package dev.livecue.checks;

import static dev.livecue.checks.CheckFixtures.ideal;
import static dev.livecue.checks.CheckFixtures.with;
import static dev.livecue.core.connection.Step.CHECK_CONNECTION;
import static dev.livecue.core.connection.Step.LOWER_QUALITY;
import static dev.livecue.core.connection.Step.MOVE_CLOSER;
import static dev.livecue.core.connection.Step.RECONNECT;
import static dev.livecue.core.connection.Step.RESTART_APP;
import static dev.livecue.core.connection.Step.STOP_OTHER_TRAFFIC;
import static dev.livecue.core.connection.Step.SWITCH_NETWORK;
import static dev.livecue.core.connection.Step.TRY_LATER;
import static dev.livecue.core.connection.Step.TURN_OFF_VPN;
import static dev.livecue.core.connection.Step.USE_5GHZ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.livecue.core.connection.NetworkType;
import dev.livecue.core.connection.Step;
import dev.livecue.dynamodblocal.DynamoDbLocalTestResource;
import dev.livecue.testing.Api.TestCreator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The ordered step list for each kind of finding, on Wi-Fi and on mobile data. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalTestResource.class)
class ConnectionStepsTest {

    @Inject
    CheckFixtures fixtures;

    private TestCreator creator;

    @BeforeEach
    void creator() {
        creator = fixtures.creator();
    }

    @Test
    void steps_shouldBeEmpty_whenNothingIsWrong() {
        assertEquals(List.of(), steps("wifi", ideal()));
    }

    @Test
    void steps_forUploadBelow1080p_shouldFreeBandwidthMoveAndLowerQuality() {
        Map<String, Object> body = with(ideal(), "uploadMbps", 4.0);
        assertEquals(texts(NetworkType.WIFI, STOP_OTHER_TRAFFIC, MOVE_CLOSER, LOWER_QUALITY), steps("wifi", body));
        assertEquals(texts(NetworkType.CELLULAR, STOP_OTHER_TRAFFIC, MOVE_CLOSER, LOWER_QUALITY), steps("cellular", body));
    }

    @Test
    void steps_forUploadTooLowFor720p_shouldEscalateToSwitchRestartAndWait() {
        Map<String, Object> body = with(ideal(), "uploadMbps", 1.0);
        assertEquals(texts(NetworkType.WIFI, CHECK_CONNECTION, STOP_OTHER_TRAFFIC, MOVE_CLOSER, USE_5GHZ, SWITCH_NETWORK,
                RESTART_APP, TRY_LATER), steps("wifi", body));
        // no 5 GHz advice on mobile data
        assertEquals(texts(NetworkType.CELLULAR, CHECK_CONNECTION, STOP_OTHER_TRAFFIC, MOVE_CLOSER, SWITCH_NETWORK,
                RESTART_APP, TRY_LATER), steps("cellular", body));
    }

    @Test
    void steps_forDownloadWarning() {
        Map<String, Object> body = with(ideal(), "downloadMbps", 0.5);
        assertEquals(texts(NetworkType.WIFI, STOP_OTHER_TRAFFIC, MOVE_CLOSER), steps("wifi", body));
        assertEquals(texts(NetworkType.CELLULAR, STOP_OTHER_TRAFFIC, MOVE_CLOSER), steps("cellular", body));
    }

    @Test
    void steps_forPacketLoss() {
        Map<String, Object> warning = with(ideal(), "packetLossPct", 2.0);
        assertEquals(texts(NetworkType.WIFI, MOVE_CLOSER, USE_5GHZ), steps("wifi", warning));
        assertEquals(texts(NetworkType.CELLULAR, MOVE_CLOSER), steps("cellular", warning));
        Map<String, Object> critical = with(ideal(), "packetLossPct", 12.0);
        assertEquals(texts(NetworkType.WIFI, CHECK_CONNECTION, MOVE_CLOSER, USE_5GHZ, SWITCH_NETWORK, RESTART_APP, TRY_LATER),
                steps("wifi", critical));
        assertEquals(texts(NetworkType.CELLULAR, CHECK_CONNECTION, MOVE_CLOSER, SWITCH_NETWORK, RESTART_APP, TRY_LATER),
                steps("cellular", critical));
    }

    @Test
    void steps_forRoundTripTime() {
        Map<String, Object> warning = with(ideal(), "rttMs", 180);
        assertEquals(texts(NetworkType.WIFI, TURN_OFF_VPN), steps("wifi", warning));
        assertEquals(texts(NetworkType.CELLULAR, TURN_OFF_VPN), steps("cellular", warning));
        Map<String, Object> critical = with(ideal(), "rttMs", 900);
        assertEquals(texts(NetworkType.WIFI, CHECK_CONNECTION, TURN_OFF_VPN, SWITCH_NETWORK, RESTART_APP, TRY_LATER),
                steps("wifi", critical));
        assertEquals(texts(NetworkType.CELLULAR, CHECK_CONNECTION, TURN_OFF_VPN, SWITCH_NETWORK, RESTART_APP, TRY_LATER),
                steps("cellular", critical));
    }

    @Test
    void steps_forJitter() {
        Map<String, Object> warning = with(ideal(), "jitterMs", 45);
        assertEquals(texts(NetworkType.WIFI, STOP_OTHER_TRAFFIC, MOVE_CLOSER), steps("wifi", warning));
        Map<String, Object> critical = with(ideal(), "jitterMs", 250);
        assertEquals(texts(NetworkType.WIFI, CHECK_CONNECTION, STOP_OTHER_TRAFFIC, MOVE_CLOSER, SWITCH_NETWORK,
                RESTART_APP, TRY_LATER), steps("wifi", critical));
        assertEquals(texts(NetworkType.CELLULAR, CHECK_CONNECTION, STOP_OTHER_TRAFFIC, MOVE_CLOSER, SWITCH_NETWORK,
                RESTART_APP, TRY_LATER), steps("cellular", critical));
    }

    @Test
    void steps_forOffline_shouldBeTheReconnectPath() {
        Map<String, Object> body = with(with(ideal(), "uploadMbps", 0), "packetLossPct", 100);
        List<String> wifi = steps("wifi", body);
        List<String> cellular = steps("cellular", body);
        assertEquals(texts(NetworkType.WIFI, CHECK_CONNECTION, MOVE_CLOSER, RECONNECT, SWITCH_NETWORK, RESTART_APP, TRY_LATER), wifi);
        assertEquals(texts(NetworkType.CELLULAR, CHECK_CONNECTION, MOVE_CLOSER, RECONNECT, SWITCH_NETWORK, RESTART_APP, TRY_LATER), cellular);
        // the words differ where the networks differ: Wi-Fi talks of the router, mobile data of signal and airplane mode
        assertNotEquals(wifi.get(0), cellular.get(0));
        assertTrue(wifi.get(1).contains("router"), wifi.get(1));
        assertTrue(cellular.get(2).contains("airplane mode"), cellular.get(2));
        assertTrue(steps("ethernet", body).get(0).contains("cable"));
    }

    @Test
    void steps_forSeveralFindings_shouldBeMergedInOrderWithoutRepeats() {
        Map<String, Object> body = with(with(ideal(), "uploadMbps", 4.0), "rttMs", 200);
        assertEquals(texts(NetworkType.WIFI, STOP_OTHER_TRAFFIC, TURN_OFF_VPN, MOVE_CLOSER, LOWER_QUALITY), steps("wifi", body));
    }

    private List<String> steps(String network, Map<String, Object> body) {
        return creator.request().body(with(body, "networkType", network)).post("/v1/connection-checks")
                .then().statusCode(201).extract().jsonPath().getList("steps", String.class);
    }

    private static List<String> texts(NetworkType network, Step... steps) {
        return Arrays.stream(steps).map(s -> s.text(network)).toList();
    }
}
