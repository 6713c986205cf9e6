package dev.livecue.core.store;

import java.util.List;

/**
 * A batch of writes failed part way: the units in {@link #written()} are in DynamoDB (their work must go on, such as
 * sending what a fired reminder announces), the others are not; the cause says why.
 */
public final class PartialWriteException extends RuntimeException {

    private final transient List<Boolean> written;

    PartialWriteException(List<Boolean> written, RuntimeException cause) {
        super("a batch of writes failed part way: " + cause.getMessage(), cause);
        this.written = List.copyOf(written);
    }

    /** One answer per unit, in order: whether it was written. */
    public List<Boolean> written() {
        return written;
    }

    /** Why the rest were not written. */
    public RuntimeException failure() {
        return (RuntimeException) getCause();
    }
}
