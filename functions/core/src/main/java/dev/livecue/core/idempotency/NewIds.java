package dev.livecue.core.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;

import dev.livecue.core.auth.SecretTokens;

/**
 * Ids for what a request creates. Random, except in a request under an {@code Idempotency-Key}: there they are
 * derived from the key's claim (the caller, method, path, key, and when its first attempt began), so that a retry
 * of an attempt that died after its write but before its answer was stored (a crash, a Lambda timeout) makes the
 * same ids, finds what the first attempt created, and answers with it instead of creating it twice. The n-th id a
 * request asks for is the same in every attempt: the same body runs the same code.
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

    /** Whether ids are derived: then what a create would make may exist already, from an earlier attempt. */
    public boolean derived() {
        return claim().isPresent();
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
