package dev.livecue.core.session;

/** The words the creator reads out at the end of a live, and the next live they name (null when none is planned). */
public record Goodbye(String script, NextLive nextLive) {
}
