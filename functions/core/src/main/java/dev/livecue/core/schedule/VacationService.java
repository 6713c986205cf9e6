package dev.livecue.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

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
    /** Plans of every schedule one request makes at most while others keep changing the vacation. */
    private static final int MAX_REPLANS = 3;
    private static final Logger LOG = Logger.getLogger(VacationService.class);

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
     * Re-plans every schedule with the vacation just written, rather than reading it back once per schedule; then
     * reads it back once, and plans again while another request changed it meanwhile. Of two vacations set at the
     * same moment, the one planned last could otherwise be the one that lost the write: its plan would have
     * cancelled reminders the stored vacation wants, and nothing would plan them again before the planner's next
     * visit, days later. Every request re-plans after its last look, so the last plan is the stored vacation's.
     */
    private void replanAll(String creatorId, Optional<Vacation> vacation) {
        Optional<Vacation> planned = vacation;
        for (int round = 1; round <= MAX_REPLANS; round++) {
            Instant now = clock.instant();
            Optional<Vacation> with = planned;
            store.all(creatorId).forEach(schedule -> planner.plan(creatorId, schedule, with, now));
            Optional<Vacation> stored = store.vacation(creatorId);
            if (stored.equals(planned)) {
                return;
            }
            planned = stored;
        }
        LOG.warnf("Vacation of %s kept changing during %d plans of its schedules; its reminders may not follow the"
                + " stored vacation until the planner's next visit", creatorId, MAX_REPLANS);
    }
}
