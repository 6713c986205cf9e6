package dev.livecue.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.creator.CreatorService;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.reminder.ReminderPlanner;
import dev.livecue.core.store.ScheduleStore;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/**
 * The creator's one vacation: occurrences inside it show as cancelled and get no reminders. Setting or ending
 * it re-plans the reminders of every schedule.
 */
@ApplicationScoped
public class VacationService {

    static final int MAX_DAYS = 366;

    private final ScheduleStore store;
    private final ReminderPlanner planner;
    private final Clock clock;

    VacationService(ScheduleStore store, ReminderPlanner planner, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.clock = clock;
    }

    /** The creator's profile and its vacation, in one read; 404 for an unknown creator. */
    public CreatorContext creatorContext(String creatorId) {
        return store.creatorContext(creatorId).orElseThrow(() -> CreatorService.notFound(creatorId));
    }

    public Optional<Vacation> current(String creatorId) {
        return store.vacation(creatorId);
    }

    public Vacation set(String creatorId, VacationRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        Violations v = new Violations();
        LocalDate from = Fields.date(v, "from", request.from()).orElse(null);
        LocalDate to = Fields.date(v, "to", request.to()).orElse(null);
        if (from != null && to != null && v.check(!to.isBefore(from), "to", "must not be before from")) {
            v.check(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "to", "a vacation lasts at most " + MAX_DAYS + " days");
        }
        v.throwIfAny();
        Vacation vacation = new Vacation(from, to);
        store.putVacation(creatorId, vacation, clock.instant());
        replanAll(creatorId, Optional.of(vacation));
        return vacation;
    }

    public void end(String creatorId) {
        store.endVacation(creatorId, clock.instant());
        replanAll(creatorId, Optional.empty());
    }

    /**
     * Re-plans every schedule with the vacation just written (the planner reads it back after each plan: another
     * request may have set another one meanwhile).
     */
    private void replanAll(String creatorId, Optional<Vacation> vacation) {
        Instant now = clock.instant();
        store.all(creatorId).forEach(schedule -> planner.plan(creatorId, schedule, vacation, now));
    }
}
