package dev.livecue.core.schedule;

/** Advice about a schedule that never blocks it: a stable {@code code}, the field it is about, and why. */
public record Warning(String code, String field, String message) {
}
