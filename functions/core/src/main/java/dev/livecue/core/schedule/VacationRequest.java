package dev.livecue.core.schedule;

/** Body of {@code PUT /v1/vacation}: the first and last day off, ISO dates such as {@code 2026-12-20}. */
public record VacationRequest(String from, String to) {
}
