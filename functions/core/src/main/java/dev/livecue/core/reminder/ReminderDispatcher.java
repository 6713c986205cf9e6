package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.config.SchedulesConfig;
import dev.livecue.core.creator.Creator;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceIds;
import dev.livecue.core.schedule.Occurrences;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.store.AccountStore;
import dev.livecue.core.store.ReminderStore;
import dev.livecue.core.store.ScheduleStore;

/**
 * Fires one due reminder: judges it against its occurrence as it stands now, then claims it and writes its event
 * in one transaction, so it yields exactly one event however many dispatchers race for it. A reminder whose
 * live has started is marked {@code expired} (not sent late); one whose occurrence was cancelled, moved or
 * deleted after planning is marked {@code cancelled}.
 */
@ApplicationScoped
public class ReminderDispatcher {

    /** What became of one due reminder. */
    public enum Outcome {
        FIRED, EXPIRED, CANCELLED, NOT_DUE, TAKEN
    }

    private final ReminderStore reminders;
    private final ScheduleStore schedules;
    private final Occurrences occurrences;
    private final AccountStore accounts;
    private final EventPublisher events;
    private final SchedulesConfig config;

    ReminderDispatcher(ReminderStore reminders, ScheduleStore schedules, Occurrences occurrences, AccountStore accounts,
            EventPublisher events, SchedulesConfig config) {
        this.reminders = reminders;
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.accounts = accounts;
        this.events = events;
        this.config = config;
    }

    public Outcome fire(String creatorId, String reminderId, Instant now) {
        Optional<Reminder> found = reminders.find(creatorId, reminderId);
        if (found.isEmpty() || found.get().status() != Reminder.Status.PENDING) {
            return Outcome.TAKEN;
        }
        Reminder reminder = found.get();
        if (reminder.dueAt().isAfter(now)) {
            return Outcome.NOT_DUE;
        }
        Optional<Schedule> schedule = schedules.find(creatorId, reminder.scheduleId());
        Optional<Occurrence> occurrence = schedule.flatMap(s -> OccurrenceIds.parse(reminder.occurrenceId())
                .flatMap(ref -> occurrences.on(creatorId, s, ref.date())));
        Optional<Creator> creator = accounts.findCreator(creatorId);
        if (occurrence.isEmpty() || creator.isEmpty() || !occurrence.get().status().upcoming()
                || !occurrence.get().start().equals(reminder.occurrenceStart())) {
            return close(reminder, Reminder.Status.CANCELLED, Outcome.CANCELLED, now);
        }
        Occurrence o = occurrence.get();
        if (!o.start().isAfter(now)) {
            return close(reminder, Reminder.Status.EXPIRED, Outcome.EXPIRED, now);
        }
        EventPublisher.Prepared event = reminder.kind() == Reminder.Kind.CHECKLIST
                ? events.prepare(creatorId, EventTypes.LIVE_CHECKLIST,
                        ReminderEvents.checklist(schedule.get(), o, connectionCheckUrl(), now))
                : events.prepare(creatorId, EventTypes.LIVE_REMINDER,
                        ReminderEvents.reminder(creator.get(), schedule.get(), o, reminder, now));
        return reminders.fire(reminder, now, event.event().id(), event.write()) ? Outcome.FIRED : Outcome.TAKEN;
    }

    private Outcome close(Reminder reminder, Reminder.Status status, Outcome outcome, Instant now) {
        return reminders.close(reminder, status, now) ? outcome : Outcome.TAKEN;
    }

    private String connectionCheckUrl() {
        return config.publicBaseUrl().map(base -> base.replaceAll("/+$", "")).orElse("") + "/v1/connection-checks";
    }
}
