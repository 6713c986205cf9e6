package dev.livecue.core.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Schedules, reminders and the calendar feed ({@code livecue.schedules.*}, env {@code LIVECUE_SCHEDULES_*}). */
@ConfigMapping(prefix = "livecue.schedules")
public interface SchedulesConfig {

    /**
     * How far ahead reminders are planned as items. The plan-reminders job extends the horizon of recurring
     * schedules every day, so a series of any length costs a bounded number of items.
     */
    @WithDefault("P14D")
    Duration reminderHorizon();

    /**
     * The creator's pre-live checklist is due this long before the start, or with the smallest reminder when
     * that is earlier, so the creator never hears "get ready" after the audience last heard "starting soon".
     */
    @WithDefault("PT1H")
    Duration checklistLead();

    /**
     * Public base URL of the app and the API, which share an origin (for example {@code https://d1234.cloudfront.net},
     * the stack's {@code AppUrl}), used for absolute links in events and in the feed answer; without it the links are
     * paths.
     */
    Optional<String> publicBaseUrl();

    /** {@code path} (from the root, with its leading slash) under the public base URL, or as is when there is none. */
    default String link(String path) {
        return publicBaseUrl().map(base -> base.replaceAll("/+$", "")).orElse("") + path;
    }
}
