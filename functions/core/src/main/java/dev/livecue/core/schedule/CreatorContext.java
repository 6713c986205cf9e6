package dev.livecue.core.schedule;

import java.util.Optional;

import dev.livecue.core.creator.Creator;

/**
 * A creator's profile and vacation, read together in one round trip: what a schedule's rules (time zone, default
 * reminders) and its plan (the lives a vacation holds) need besides the request, and what a goodbye needs to name
 * the next live.
 */
public record CreatorContext(Creator creator, Optional<Vacation> vacation) {
}
