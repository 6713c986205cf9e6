package dev.livecue.core.events;

import java.util.Set;

/** The webhook event types of the API contract; subscriptions choose among these. */
public final class EventTypes {

    public static final String LIVE_REMINDER = "live.reminder";
    public static final String LIVE_CHECKLIST = "live.checklist";
    public static final String SESSION_STARTED = "session.started";
    public static final String SESSION_CLOSED = "session.closed";
    public static final String SESSION_INTERRUPTED = "session.interrupted";
    public static final String SESSION_ABANDONED = "session.abandoned";
    public static final String CONNECTION_DEGRADED = "connection.degraded";
    public static final String WEBHOOK_TEST = "webhook.test";

    public static final Set<String> ALL = Set.of(LIVE_REMINDER, LIVE_CHECKLIST, SESSION_STARTED, SESSION_CLOSED,
            SESSION_INTERRUPTED, SESSION_ABANDONED, CONNECTION_DEGRADED, WEBHOOK_TEST);

    private EventTypes() {
    }
}
