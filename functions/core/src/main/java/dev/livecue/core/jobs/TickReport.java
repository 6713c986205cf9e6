package dev.livecue.core.jobs;

import java.time.Instant;
import java.util.List;

/** What one dispatcher tick did: one result per job, in the order they ran. */
public record TickReport(Instant tick, List<JobResult> jobs) {

    public TickReport {
        jobs = List.copyOf(jobs);
    }

    public boolean failed() {
        return jobs.stream().anyMatch(JobResult::failed);
    }
}
