package dev.livecue.core.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;

import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.store.AlreadyCreatedException;

/**
 * Ids for what a request creates. Random, except in a request under an {@code Idempotency-Key}: there they are
 * derived from the key's claim (the caller, method, path, key, and when its first attempt began), so that a retry
 * of an attempt that died after its write but before its answer was stored (a crash, a Lambda timeout) makes the
 * same ids, finds what the first attempt created, and answers with it instead of creating it twice ({@link #once}).
 * Each create asks for its one id first, before anything that could branch, so every attempt gets the same one.
 */
@ApplicationScoped
public class NewIds {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Current current;

    /** The claim of the request being served, and how many ids it was given (methods: it is reached by a proxy). */
    @RequestScoped
    static class Current {
        private IdempotencyService.Claim claim;
        private int issued;

        void claim(IdempotencyService.Claim claimed) {
            claim = claimed;
        }

        IdempotencyService.Claim claim() {
            return claim;
        }

        int issue() {
            return issued++;
        }
    }

    @Inject
    NewIds(Current current) {
        this.current = current;
    }

    /** Called by the HTTP layer once the request holds its key. */
    public void claimed(IdempotencyService.Claim claim) {
        current.claim(claim);
    }

    /** A new id: {@code prefix} and 96 bits, random or derived (as {@link SecretTokens#id}). */
    public String next(String prefix) {
        Optional<IdempotencyService.Claim> claim = claim();
        if (claim.isEmpty()) {
            return SecretTokens.id(prefix);
        }
        IdempotencyService.Claim c = claim.get();
        String seed = c.scope() + "\n" + c.keyHash() + "\n" + c.firstAttempt().toEpochMilli() + "\n" + current.issue() + "\n" + prefix;
        return prefix + URL.encodeToString(Arrays.copyOf(SecretTokens.sha256(seed.getBytes(StandardCharsets.UTF_8)), 12));
    }

    /**
     * Runs {@code attempt}, which creates something under an id of this request. In a retry whose earlier attempt
     * created it already, the write finds the id taken ({@link AlreadyCreatedException}), or the rules refuse the
     * request by now (its live ended, its start passed, the limit is full: an {@link ApiException}); the answer is
     * then what the earlier attempt created ({@code earlier}), if it did.
     */
    public <T> T once(Supplier<T> attempt, Supplier<Optional<T>> earlier) {
        try {
            return attempt.get();
        } catch (AlreadyCreatedException e) {
            return earlier.get().orElseThrow(() -> ApiException.concurrentUpdate(
                    "What this request created was changed at the same moment; send it again"));
        } catch (ApiException refused) {
            if (claim().isEmpty()) {
                throw refused;
            }
            return earlier.get().orElseThrow(() -> refused);
        }
    }

    /**
     * When this request began, for what defaults to "now" and is part of a created item's key (a check's
     * measuredAt, a session's startedAt): a retry's own clock would give its item another key.
     */
    public Instant now(Instant clockNow) {
        return claim().map(IdempotencyService.Claim::firstAttempt).orElse(clockNow);
    }

    private Optional<IdempotencyService.Claim> claim() {
        return Arc.container().requestContext().isActive() ? Optional.ofNullable(current.claim()) : Optional.empty();
    }
}
