package dev.livecue.core.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.livecue.core.auth.Caller;
import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.ProblemType;
import dev.livecue.core.store.IdempotencyStore;

/**
 * The rules of the {@code Idempotency-Key} header: the same key with the same body replays the first response;
 * with another body it is a 422; while the first request still runs it is a 409. Keys are scoped to the caller,
 * the method and the path; bodies are compared by SHA-256. The remembered response is stored sealed under the
 * client's key ({@link ResponseSeal}): it may hold a secret shown once.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 255;

    /**
     * A key this request holds until it completes or is released, the key its response is sealed under, and when
     * the first attempt with this key began: a retry of one that died is the same request ({@link NewIds}).
     */
    public record Claim(String scope, String keyHash, String bodyHash, SecretKey seal, Instant firstAttempt) {
    }

    /** Either the request may run ({@code claim}), or the stored response is the answer ({@code replay}). */
    public record Outcome(Optional<Claim> claim, Optional<StoredResponse> replay) {
    }

    @Inject
    IdempotencyStore store;

    @Inject
    LivecueConfig config;

    @Inject
    Clock clock;

    public Outcome begin(Caller caller, String method, String path, String key, byte[] body) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
        // one endpoint, one scope: /v1/api-keys/ is served as /v1/api-keys, so a retry that adds the slash replays
        String endpoint = path.length() > 1 ? path.replaceAll("/+$", "") : path;
        String keyHash = SecretTokens.sha256Hex(method + " " + endpoint + "\n" + key);
        String bodyHash = HexFormat.of().formatHex(SecretTokens.sha256(body));
        SecretKey seal = ResponseSeal.key(key, caller.scope(), method, endpoint);
        Instant now = clock.instant();
        Optional<IdempotencyRecord> earlier = store.begin(caller.scope(), keyHash, bodyHash, now,
                now.plus(config.idempotency().lease()), now.plus(config.idempotency().retention()));
        if (earlier.isEmpty()) {
            return new Outcome(Optional.of(new Claim(caller.scope(), keyHash, bodyHash, seal, now)), Optional.empty());
        }
        IdempotencyRecord record = earlier.get();
        if (!record.bodyHash().equals(bodyHash)) {
            throw new ApiException(ProblemType.IDEMPOTENCY_MISMATCH,
                    "This Idempotency-Key was first used with a different body; use a new key for a new request");
        }
        boolean lapsed = record.leaseUntil().getEpochSecond() < now.getEpochSecond();
        if (!record.completed() && lapsed && store.takeOver(caller.scope(), keyHash, record.leaseUntil(), now,
                now.plus(config.idempotency().lease()))) {
            Instant first = record.firstAttempt() == null ? now : record.firstAttempt();
            return new Outcome(Optional.of(new Claim(caller.scope(), keyHash, bodyHash, seal, first)), Optional.empty());
        }
        if (!record.completed()) {
            // A request that died mid-way (a crash, a timeout) holds the key until its lease lapses: say when. The
            // store lets a retry take the key over from the whole second after the lease's own (takeOver); one
            // that lapsed was just taken by another retry, which holds it a whole lease.
            Instant held = lapsed ? now.plus(config.idempotency().lease()) : record.leaseUntil();
            long millis = Duration.between(now, held.plusSeconds(1)).toMillis();
            long seconds = Math.max(1, (millis + 999) / 1000);
            throw new ApiException(ProblemType.IDEMPOTENCY_IN_PROGRESS, "The first request with this Idempotency-Key is"
                    + " still running, or stopped before it answered; retry in " + seconds + " s at most")
                    .retryAfter(Duration.ofSeconds(seconds));
        }
        StoredResponse stored = record.response();
        return new Outcome(Optional.empty(), Optional.of(stored.withBody(ResponseSeal.open(seal, keyHash, stored.body()))));
    }

    /**
     * Remembers the response; a 5xx, or a {@link ProblemType#CONCURRENT_UPDATE} ({@code problemType}, the answer's
     * problem type if it is one), is forgotten instead, so that a retry runs again: neither is this request's answer
     * for good.
     */
    public void finish(Claim claim, StoredResponse response, String problemType) {
        if (response.status() >= 500 || ProblemType.CONCURRENT_UPDATE.uri().equals(problemType)) {
            store.release(claim.scope(), claim.keyHash());
        } else {
            store.complete(claim.scope(), claim.keyHash(), claim.bodyHash(), claim.firstAttempt(),
                    response.withBody(ResponseSeal.seal(claim.seal(), claim.keyHash(), response.body())),
                    clock.instant().plus(config.idempotency().retention()));
        }
    }
}
