package dev.livecue.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks that processes a test started are really gone, so no test leaves a JVM or a browser behind. */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Waits up to {@code timeout} for each of {@code processes} to exit; if one does not, kills them all and fails,
     * naming {@code what} was left running.
     */
    public static void awaitExit(List<ProcessHandle> processes, Duration timeout, String what) {
        try {
            for (ProcessHandle process : processes) {
                process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what + " to exit", e);
        } catch (ExecutionException | TimeoutException e) {
            processes.forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError(what + " left running: " + processes, e);
        }
    }
}
