package dev.livecue.core.calendar;

import java.time.Instant;

/** The creator's subscription link: {@code url} is absolute when a public base URL is configured. */
public record CalendarFeed(String feedToken, String url, Instant createdAt) {
}
