package dev.livecue.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.store.TickCursorStore;

/**
 * Which minutes of the due-work index a job reads on a tick: from where it got to last time (its cursor) up to now,
 * so minutes missed while the dispatcher was down are caught up. It starts a few minutes before the cursor, because
 * an index entry written in the last moments of a minute may become visible only after that minute was read; entries
 * already handled have left the index, so reading a minute again costs little. A long outage is caught up a few
 * hours per tick.
 */
@ApplicationScoped
public class CatchUpWindows {

    static final Duration OVERLAP = Duration.ofMinutes(2);
    /** How far back a job that has never run looks. */
    static final Duration FIRST_LOOK_BACK = Duration.ofHours(1);
    static final Duration MAX_SPAN = Duration.ofHours(3);

    /** The minutes {@code from}..{@code to} (both included) a job reads on one tick. */
    public record Window(String job, Instant from, Instant to) {
    }

    private final TickCursorStore cursors;

    CatchUpWindows(TickCursorStore cursors) {
        this.cursors = cursors;
    }

    public Window open(String job, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant cursor = cursors.get(job).orElse(minute.minus(FIRST_LOOK_BACK));
        // A cursor ahead of the clock (the clock was set back) must not hide what is due now.
        Instant from = min(cursor, minute).minus(OVERLAP);
        Instant to = min(now, from.plus(MAX_SPAN));
        return new Window(job, from, to);
    }

    /** Everything due in the window was handled: the next tick starts at its last minute. */
    public void close(Window window) {
        cursors.advance(window.job(), window.to().truncatedTo(ChronoUnit.MINUTES));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
