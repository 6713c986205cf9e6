package dev.livecue.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.FieldError;
import dev.livecue.core.validation.Violations;

class SessionStatsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void read_shouldTakeCounts_andLeaveMissingOnesUnreported() throws Exception {
        Violations v = new Violations();

        SessionStats stats = SessionStats.read(json.readTree("{\"peakViewers\": 120, \"uniqueViewers\": 900, \"likes\": 1200000000}"), "stats", v);

        assertEquals(new SessionStats(120L, 900L, null, null, 1_200_000_000L, null, null), stats);
        assertTrue(v.isEmpty());
    }

    @Test
    void read_shouldNameEachBadCount() throws Exception {
        List<FieldError> errors = errors("{\"peakViewers\": -1, \"comments\": 1.5, \"gifts\": \"3\", \"shares\": 99999999999999999999999999,"
                + " \"likes\": 10000000001, \"hearts\": 3}");

        assertEquals(List.of("stats.peakViewers", "stats.comments", "stats.gifts", "stats.shares", "stats.likes", "stats.hearts"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void read_shouldRefusePeakAboveUniqueViewers() throws Exception {
        assertEquals("stats.peakViewers", errors("{\"peakViewers\": 500, \"uniqueViewers\": 20}").get(0).field());
    }

    @Test
    void read_shouldRequireAnObject_orNothing() throws Exception {
        assertEquals("stats", errors("[1]").get(0).field());
        Violations v = new Violations();
        SessionStats none = SessionStats.read(null, "stats", v);
        assertTrue(v.isEmpty(), "stats left out: nothing reported");
        assertEquals(SessionStats.of(Map.of()), none);
    }

    private List<FieldError> errors(String body) throws Exception {
        Violations v = new Violations();
        assertNull(SessionStats.read(json.readTree(body), "stats", v));
        try {
            v.throwIfAny();
            throw new AssertionError("expected violations");
        } catch (ApiException e) {
            return e.errors();
        }
    }
}
