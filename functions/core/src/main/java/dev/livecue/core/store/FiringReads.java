package dev.livecue.core.store;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.livecue.core.creator.Creator;
import dev.livecue.core.reminder.Reminder;
import dev.livecue.core.schedule.OccurrenceIds;
import dev.livecue.core.schedule.OccurrenceState;
import dev.livecue.core.schedule.Schedule;
import dev.livecue.core.schedule.Vacation;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads what firing a batch of due reminders needs in a few BatchGetItem calls instead of five GetItems per
 * reminder: the reminders, then the schedules and occurrence states they point at and their creators' profiles and
 * vacations. Reads are consistent, so a reminder fired or cancelled a moment ago reads as such (the firing
 * transaction checks it again anyway).
 */
@ApplicationScoped
public class FiringReads {

    /** A due reminder: its creator and id. */
    public record Ref(String creatorId, String reminderId) {
    }

    /** What one batch read found, by the keys it was asked for; whatever is absent was not there. */
    public static final class Found {

        private final Map<String, Map<String, AttributeValue>> items;

        private Found(Map<String, Map<String, AttributeValue>> items) {
            this.items = items;
        }

        public Optional<Reminder> reminder(Ref ref) {
            return item(reminderKey(ref)).map(item -> ReminderStore.reminder(ref.creatorId(), item));
        }

        public Optional<Schedule> schedule(String creatorId, String scheduleId) {
            return item(scheduleKey(creatorId, scheduleId)).map(ScheduleStore::schedule);
        }

        public Optional<OccurrenceState> state(String creatorId, String scheduleId, LocalDate date) {
            return item(stateKey(creatorId, scheduleId, date)).map(ScheduleStore::state);
        }

        public Optional<Vacation> vacation(String creatorId) {
            return item(Attrs.key(Keys.creator(creatorId), Keys.VACATION)).flatMap(ScheduleStore::vacation);
        }

        public Optional<Creator> creator(String creatorId) {
            return item(Attrs.key(Keys.creator(creatorId), Keys.PROFILE)).map(AccountStore::toCreator);
        }

        private Optional<Map<String, AttributeValue>> item(Map<String, AttributeValue> key) {
            return Optional.ofNullable(items.get(BatchGets.id(key)));
        }
    }

    private final BatchGets batch;

    FiringReads(BatchGets batch) {
        this.batch = batch;
    }

    /** The reminders of {@code refs}, and for each still pending one what judging it needs. */
    public Found read(List<Ref> refs) {
        Map<String, Map<String, AttributeValue>> found = batch.get(refs.stream().map(FiringReads::reminderKey).toList());
        Map<String, Map<String, AttributeValue>> context = new LinkedHashMap<>();
        for (Ref ref : refs) {
            Map<String, AttributeValue> item = found.get(BatchGets.id(reminderKey(ref)));
            Reminder reminder = item == null ? null : ReminderStore.reminder(ref.creatorId(), item);
            if (reminder != null && reminder.status() == Reminder.Status.PENDING) {
                String creator = Keys.creator(ref.creatorId());
                add(context, scheduleKey(ref.creatorId(), reminder.scheduleId()));
                OccurrenceIds.parse(reminder.occurrenceId())
                        .ifPresent(o -> add(context, stateKey(ref.creatorId(), reminder.scheduleId(), o.date())));
                add(context, Attrs.key(creator, Keys.VACATION));
                add(context, Attrs.key(creator, Keys.PROFILE));
            }
        }
        found.putAll(batch.get(context.values()));
        return new Found(found);
    }

    private static void add(Map<String, Map<String, AttributeValue>> keys, Map<String, AttributeValue> key) {
        keys.putIfAbsent(BatchGets.id(key), key);
    }

    private static Map<String, AttributeValue> reminderKey(Ref ref) {
        return Attrs.key(Keys.creator(ref.creatorId()), Keys.REMINDER_PREFIX + ref.reminderId());
    }

    private static Map<String, AttributeValue> scheduleKey(String creatorId, String scheduleId) {
        return Attrs.key(Keys.creator(creatorId), Keys.SCHEDULE_PREFIX + scheduleId);
    }

    private static Map<String, AttributeValue> stateKey(String creatorId, String scheduleId, LocalDate date) {
        return Attrs.key(Keys.creator(creatorId), ScheduleStore.stateKey(scheduleId, date));
    }
}
