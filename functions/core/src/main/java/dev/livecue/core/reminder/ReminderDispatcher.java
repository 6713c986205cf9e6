package dev.livecue.core.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.config.SchedulesConfig;
import dev.livecue.core.creator.Creator;
import dev.livecue.core.events.EventPublisher;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.jobs.Tick;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceIds;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.schedule.Timeline;
import dev.livecue.core.store.FiringReads;
import dev.livecue.core.store.PartialWriteException;
import dev.livecue.core.store.ReminderStore;
import dev.livecue.core.webhook.DeliveryEngine;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Fires due reminders: judges each against its occurrence as its batch read it, then claims it and writes its event
 * and the event's webhook deliveries in one transaction, so it yields exactly one event however many dispatchers
 * race for it, and sends those deliveries right after. A reminder whose live has started is marked {@code expired}
 * (not sent late); one whose occurrence was cancelled, moved or deleted after planning is marked {@code cancelled}.
 */
@ApplicationScoped
public class ReminderDispatcher {

    /** What became of one due reminder. */
    public enum Outcome {
        FIRED, EXPIRED, CANCELLED, NOT_DUE, TAKEN
    }

    private final ReminderStore reminders;
    private final FiringReads reads;
    private final EventPublisher events;
    private final SchedulesConfig config;

    ReminderDispatcher(ReminderStore reminders, FiringReads reads, EventPublisher events, SchedulesConfig config) {
        this.reminders = reminders;
        this.reads = reads;
        this.events = events;
        this.config = config;
    }

    /** A tick's run of the fire job, sending what it fires through {@code pass}. */
    public Run run(DeliveryEngine.Pass pass) {
        return new Run(pass);
    }

    /**
     * One tick's firing, safe to use from many threads: each batch of due reminders is read in a few batch calls
     * ({@link FiringReads}), and what it fires goes out through the tick's webhook pass.
     */
    public final class Run {

        private final DeliveryEngine.Pass pass;

        private Run(DeliveryEngine.Pass pass) {
            this.pass = pass;
        }

        /**
         * Fires {@code due} while {@code tick} has time left; one outcome per reminder handled, not in {@code due}'s
         * order (fewer than {@code due} when the time ran out: the rest stay due). The reminders that yield an
         * event are claimed together, in as few transactions as DynamoDB allows, and their webhooks sent after.
         */
        public List<Outcome> fire(List<FiringReads.Ref> due, Tick tick) {
            // an item moved between two buckets while its window was read is listed twice; one transaction may
            // name it only once
            List<FiringReads.Ref> distinct = due.stream().distinct().toList();
            FiringReads.Found found = reads.read(distinct);
            List<Outcome> outcomes = new ArrayList<>();
            List<Firing> firings = new ArrayList<>();
            for (FiringReads.Ref ref : distinct) {
                if (tick.spent()) {
                    break;
                }
                Judgement judgement = judge(ref, found, tick.now());
                if (judgement.firing() != null) {
                    firings.add(judgement.firing());
                } else {
                    outcomes.add(judgement.outcome());
                }
            }
            List<Boolean> fired;
            RuntimeException failure = null;
            try {
                fired = reminders.fire(firings.stream().map(Firing::store).toList(), tick.now());
            } catch (PartialWriteException e) {
                // what did fire is sent all the same; the failure then fails the batch, so its reminders are read again
                fired = e.written();
                failure = e.failure();
            }
            List<DeliveryEngine.Outbound> outbound = new ArrayList<>();
            for (int i = 0; i < firings.size(); i++) {
                if (fired.get(i)) {
                    outbound.add(firings.get(i).outbound());
                }
                outcomes.add(fired.get(i) ? Outcome.FIRED : Outcome.TAKEN);
            }
            pass.send(outbound, tick::spent);
            if (failure != null) {
                throw failure;
            }
            return outcomes;
        }

        /**
         * What becomes of one reminder as its batch read it: an outcome when it ends here (an expired or cancelled
         * one is marked so at once), or the firing that writes its event and the event's deliveries, made leased
         * to this run's pass so that it sends them as soon as the firing commits.
         */
        private Judgement judge(FiringReads.Ref ref, FiringReads.Found found, Instant now) {
            String creatorId = ref.creatorId();
            Optional<Reminder> pending = found.reminder(ref).filter(r -> r.status() == Reminder.Status.PENDING);
            if (pending.isEmpty()) {
                return Judgement.ended(Outcome.TAKEN);
            }
            Reminder reminder = pending.get();
            if (reminder.dueAt().isAfter(now)) {
                return Judgement.ended(Outcome.NOT_DUE);
            }
            Optional<Schedule> schedule = found.schedule(creatorId, reminder.scheduleId());
            Optional<Occurrence> occurrence = schedule.flatMap(s -> OccurrenceIds.parse(reminder.occurrenceId())
                    .flatMap(o -> Timeline.on(s, o.date(), found.state(creatorId, s.id(), o.date()), found.vacation(creatorId))));
            Optional<Creator> creator = found.creator(creatorId);
            if (occurrence.isEmpty() || creator.isEmpty() || !occurrence.get().status().upcoming()
                    || !occurrence.get().start().equals(reminder.occurrenceStart())) {
                return Judgement.ended(close(reminder, Reminder.Status.CANCELLED, Outcome.CANCELLED, now));
            }
            Occurrence o = occurrence.get();
            if (!o.start().isAfter(now)) {
                return Judgement.ended(close(reminder, Reminder.Status.EXPIRED, Outcome.EXPIRED, now));
            }
            String eventId = eventId(reminder);
            EventPublisher.Prepared event = reminder.kind() == Reminder.Kind.CHECKLIST
                    ? events.prepareFannedOut(eventId, creatorId, EventTypes.LIVE_CHECKLIST,
                            ReminderEvents.checklist(schedule.get(), o, connectionCheckUrl(), now))
                    : events.prepareFannedOut(eventId, creatorId, EventTypes.LIVE_REMINDER,
                            ReminderEvents.reminder(creator.get(), schedule.get(), o, reminder, now));
            DeliveryEngine.Outbound outbound = pass.outbound(event.event());
            List<TransactWriteItem> writes = new ArrayList<>(List.of(event.write()));
            writes.addAll(outbound.writes());
            return Judgement.firing(new Firing(new ReminderStore.Firing(reminder, event.event().id(), writes), outbound));
        }
    }

    /** A reminder to fire: what the store writes for it, and the deliveries to send once that has committed. */
    private record Firing(ReminderStore.Firing store, DeliveryEngine.Outbound outbound) {
    }

    /** What judging a reminder came to: an {@code outcome} already, or a {@code firing} still to write. */
    private record Judgement(Outcome outcome, Firing firing) {

        static Judgement ended(Outcome outcome) {
            return new Judgement(outcome, null);
        }

        static Judgement firing(Firing firing) {
            return new Judgement(null, firing);
        }
    }

    /**
     * A reminder's one event id: should a firing that was already sent be lost after all (a store that
     * acknowledged a write and then lost it), firing again announces it under the same {@code webhook-id}, which
     * receivers drop as a duplicate, instead of a new one.
     */
    static String eventId(Reminder reminder) {
        return "evt_" + SecretTokens.sha256Hex("reminder/" + reminder.reminderId()).substring(0, 24);
    }

    private Outcome close(Reminder reminder, Reminder.Status status, Outcome outcome, Instant now) {
        return reminders.close(reminder, status, now) ? outcome : Outcome.TAKEN;
    }

    /** The app's check screen, which measures the phone's connection (the API's endpoint only takes the figures). */
    private String connectionCheckUrl() {
        return config.link("/#/check");
    }
}
