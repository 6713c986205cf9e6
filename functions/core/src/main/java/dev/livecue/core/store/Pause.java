package dev.livecue.core.store;

import java.time.Duration;

/** The short waits before sending DynamoDB a request again. */
final class Pause {

    private Pause() {
    }

    /** Waits {@code duration}; an interrupt ends the wait and the work it was part of ({@code during}). */
    static void sleep(Duration duration, String during) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + during, e);
        }
    }
}
