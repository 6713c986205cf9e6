package dev.livecue.dispatch;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The EventBridge "Scheduled Event" the dispatcher is fired with. Only the fields we log are mapped; the rest of
 * the envelope is ignored, since EventBridge may add fields at any time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String source,
        Instant time, List<String> resources) {
}
