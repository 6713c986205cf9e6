package dev.livecue.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.store.DueIndex;
import dev.livecue.core.store.TickCursorStore;

/**
 * Which minutes of the due-work index a job reads on a tick: from where it got to last time (its cursor) up to now,
 * so minutes missed while the dispatcher was down are caught up. It starts a few minutes before the cursor, because
 * an index entry written in the last moments of a minute may become visible only after that minute was read; entries
 * already handled have left the index, so reading a minute again costs little. A long outage is caught up an hour
 * per tick, and the last few minutes are read on every tick as well, so what is due now never waits for the
 * catch-up.
 */
@ApplicationScoped
public class CatchUpWindows {

    static final Duration OVERLAP = Duration.ofMinutes(2);
    /**
     * How far back a job that has never run looks (a first deploy, or a new job): what came due in the hour
     * before is still sent, at the cost of one hour of bucket reads once.
     */
    static final Duration FIRST_LOOK_BACK = Duration.ofHours(1);
    /** Catch-up per tick: an hour of minute buckets is a few hundred small queries. */
    static final Duration MAX_SPAN = Duration.ofHours(1);

    /** A job's reading for one tick: the catch-up span {@code from}..{@code to}, and the minutes just before {@code now}. */
    public record Window(String job, Instant from, Instant to, Instant now) {

        /** The items of one kind listed in the window's minutes. */
        public List<DueIndex.Due> read(DueIndex index, String kindPrefix) {
            List<DueIndex.Due> due = new ArrayList<>(index.due(kindPrefix, from, to));
            // While catching up, the minutes up to now are read too, from wherever the catch-up span ends.
            Instant afterSpan = to.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            Instant recent = now.truncatedTo(ChronoUnit.MINUTES).minus(OVERLAP);
            Instant start = afterSpan.isAfter(recent) ? afterSpan : recent;
            if (!start.isAfter(now)) {
                due.addAll(index.due(kindPrefix, start, now));
            }
            return due;
        }
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
        return new Window(job, from, min(now, from.plus(MAX_SPAN)), now);
    }

    /** Everything due in the window was handled: the next tick catches up from its last minute. */
    public void close(Window window) {
        cursors.advance(window.job(), window.to().truncatedTo(ChronoUnit.MINUTES));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
