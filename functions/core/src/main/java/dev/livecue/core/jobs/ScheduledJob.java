package dev.livecue.core.jobs;

/**
 * A piece of background work run on every dispatcher tick (once a minute): by the EventBridge-triggered
 * reminder-dispatch Lambda in AWS, and by quarkus-scheduler in the local stack. Jobs must be safe to run twice at
 * the same time (two ticks overlapping, or two dispatchers): they claim their work with conditional writes.
 */
public interface ScheduledJob {

    /** Short stable name, used in logs and in the tick report. */
    String name();

    /**
     * Runs the job for {@code tick} (its instant, and the time left to start new work); the result says what it
     * did, for logs and the tick report.
     */
    JobResult run(Tick tick);

    /** Order among jobs on one tick; lower runs first (planning before dispatching). */
    default int order() {
        return 100;
    }
}
