package dev.livecue.core.store;

/** The item changed since it was read (its {@link Keys#VERSION} moved on): read it again and retry. */
public final class ConcurrentUpdateException extends RuntimeException {

    ConcurrentUpdateException() {
        super(null, null, false, false);
    }
}
