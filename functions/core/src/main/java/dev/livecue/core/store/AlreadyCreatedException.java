package dev.livecue.core.store;

/**
 * A new item's id is taken: an earlier attempt of the same request created it (ids under an Idempotency-Key are
 * derived from the key, see {@code NewIds}), and nothing was written this time.
 */
public final class AlreadyCreatedException extends RuntimeException {

    AlreadyCreatedException() {
        super(null, null, false, false);
    }
}
