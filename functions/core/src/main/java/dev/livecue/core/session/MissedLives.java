package dev.livecue.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.livecue.core.config.SessionsConfig;
import dev.livecue.core.schedule.Occurrence;
import dev.livecue.core.schedule.OccurrenceStatus;
import dev.livecue.core.schedule.OccurrencesPlanned;
import dev.livecue.core.store.ScheduleStore;
import dev.livecue.core.store.SlotWatchStore;

/**
 * Records a planned live as {@code missed} when its slot (start + duration + {@code missedGrace}) passes without a
 * session. Each upcoming occurrence gets a watch in the due-work index when the schedules side plans it; the watch
 * is judged against the occurrence as it stands then, so a live that was cancelled, moved or went on air meanwhile
 * is not missed.
 */
@ApplicationScoped
public class MissedLives {

    /** Judgements of one occurrence in one tick while other writes keep changing it. */
    private static final int MAX_ATTEMPTS = 3;

    private final SlotWatchStore watches;
    private final PlannedLives planned;
    private final SessionsConfig config;

    MissedLives(SlotWatchStore watches, PlannedLives planned, SessionsConfig config) {
        this.watches = watches;
        this.planned = planned;
        this.config = config;
    }

    void watch(@Observes OccurrencesPlanned event) {
        watches.put(event.creatorId(), event.occurrences().stream()
                .filter(o -> o.status().upcoming())
                .map(o -> new SlotWatchStore.Watch(o.occurrenceId(), slotOver(o)))
                .toList());
    }

    /**
     * Judges one watched occurrence at {@code now}; true when it was recorded as missed. The record is written only
     * if the occurrence is still as judged: a live started late for it meanwhile wins, and the occurrence is judged
     * again as it then stands.
     */
    public boolean check(String creatorId, String occurrenceId, Instant now) {
        for (int attempt = 1;; attempt++) {
            try {
                return judge(creatorId, occurrenceId, now);
            } catch (ScheduleStore.ConcurrentUpdateException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("Occurrence " + occurrenceId + " kept changing while judged; next tick", e);
                }
            }
        }
    }

    private boolean judge(String creatorId, String occurrenceId, Instant now) {
        Optional<Occurrence> occurrence = planned.find(creatorId, occurrenceId);
        if (occurrence.isPresent() && occurrence.get().status().upcoming()) {
            Instant over = slotOver(occurrence.get());
            if (over.isAfter(now)) {
                // moved later since the watch was planned: look again then
                watches.put(creatorId, List.of(new SlotWatchStore.Watch(occurrenceId, over)));
                return false;
            }
            boolean recorded = planned.setStatus(creatorId, occurrence.get(), OccurrenceStatus.MISSED, now);
            watches.delete(creatorId, occurrenceId);
            return recorded;
        }
        watches.delete(creatorId, occurrenceId);
        return false;
    }

    private Instant slotOver(Occurrence o) {
        return o.end().plus(config.missedGrace());
    }
}
