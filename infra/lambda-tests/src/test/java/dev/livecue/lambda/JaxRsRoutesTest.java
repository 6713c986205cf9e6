package dev.livecue.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How code paths and template paths are compared. */
class JaxRsRoutesTest {

    @Test
    void normalize_shouldWriteEveryVariableAsAWholeSegment() {
        assertEquals("/v1/api-keys/{}", JaxRsRoutes.normalize("/v1/api-keys/{id}"));
        assertEquals("/v1/schedules/{}/occurrences/{}/cancel", JaxRsRoutes.normalize("/v1/schedules/{id}/occurrences/{occurrenceId: [a-z0-9_]+}/cancel"));
        // API Gateway variables span a segment, so the calendar's {feedToken}.ics is routed as /v1/calendar/{feedToken}
        assertEquals(JaxRsRoutes.normalize("/v1/calendar/{feedToken}"), JaxRsRoutes.normalize("/v1/calendar/{feedToken}.ics"));
        assertEquals("/v1/me", JaxRsRoutes.normalize("//v1/me/"));
    }
}
