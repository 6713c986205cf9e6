package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
import dev.livecue.core.webhook.DeliveryEngine;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Fires due reminders: judges each against its occurrence as this tick read it, then claims it and writes its event
 * and the event's webhook deliveries in one transaction, so it yields exactly one event however many dispatchers
 * race for it, and sends those deliveries right after. A reminder whose
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

    /** A tick's run of the fire job: its reads and the webhook pass that sends what it fires. */
    public Run run(DeliveryEngine.Pass pass) {
        return new Run(pass);
    }

    /**
     * One tick's firing, safe to use from many threads. The live's schedule and occurrence, and the creator, are
     * read once per tick however many reminders point at them (a live's reminder and checklist, a creator's many
     * lives); the reminder itself is read fresh, and the firing transaction is conditional on it still pending.
     */
    public final class Run {

        private final DeliveryEngine.Pass pass;
        private final Map<String, Optional<Schedule>> schedulesRead = new ConcurrentHashMap<>();
        private final Map<String, Optional<Occurrence>> occurrencesRead = new ConcurrentHashMap<>();
        private final Map<String, Optional<Creator>> creatorsRead = new ConcurrentHashMap<>();

        private Run(DeliveryEngine.Pass pass) {
            this.pass = pass;
        }

        /**
         * Fires the reminder and, when it yields an event, sends that event's webhooks at once: the deliveries are
         * written leased to this run's pass in the firing transaction.
         */
        public Outcome fire(String creatorId, String reminderId, Instant now) {
            Optional<Reminder> found = reminders.find(creatorId, reminderId);
            if (found.isEmpty() || found.get().status() != Reminder.Status.PENDING) {
                return Outcome.TAKEN;
            }
            Reminder reminder = found.get();
            if (reminder.dueAt().isAfter(now)) {
                return Outcome.NOT_DUE;
            }
            Optional<Schedule> schedule = schedulesRead.computeIfAbsent(creatorId + "/" + reminder.scheduleId(),
                    k -> schedules.find(creatorId, reminder.scheduleId()));
            Optional<Occurrence> occurrence = schedule.flatMap(s -> occurrencesRead.computeIfAbsent(
                    creatorId + "/" + reminder.occurrenceId(), k -> OccurrenceIds.parse(reminder.occurrenceId())
                            .flatMap(ref -> occurrences.on(creatorId, s, ref.date()))));
            Optional<Creator> creator = creatorsRead.computeIfAbsent(creatorId, accounts::findCreator);
            if (occurrence.isEmpty() || creator.isEmpty() || !occurrence.get().status().upcoming()
                    || !occurrence.get().start().equals(reminder.occurrenceStart())) {
                return close(reminder, Reminder.Status.CANCELLED, Outcome.CANCELLED, now);
            }
            Occurrence o = occurrence.get();
            if (!o.start().isAfter(now)) {
                return close(reminder, Reminder.Status.EXPIRED, Outcome.EXPIRED, now);
            }
            EventPublisher.Prepared event = reminder.kind() == Reminder.Kind.CHECKLIST
                    ? events.prepareFannedOut(creatorId, EventTypes.LIVE_CHECKLIST,
                            ReminderEvents.checklist(schedule.get(), o, connectionCheckUrl(), now))
                    : events.prepareFannedOut(creatorId, EventTypes.LIVE_REMINDER,
                            ReminderEvents.reminder(creator.get(), schedule.get(), o, reminder, now));
            DeliveryEngine.Outbound outbound = pass.outbound(event.event());
            List<TransactWriteItem> writes = new ArrayList<>(List.of(event.write()));
            writes.addAll(outbound.writes());
            if (!reminders.fire(reminder, now, event.event().id(), writes)) {
                return Outcome.TAKEN;
            }
            pass.send(outbound);
            return Outcome.FIRED;
        }
    }

    private Outcome close(Reminder reminder, Reminder.Status status, Outcome outcome, Instant now) {
        return reminders.close(reminder, status, now) ? outcome : Outcome.TAKEN;
    }

    private String connectionCheckUrl() {
        return config.publicBaseUrl().map(base -> base.replaceAll("/+$", "")).orElse("") + "/v1/connection-checks";
    }
}
