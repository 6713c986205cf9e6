package dev.livecue.core.creator;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.livecue.core.auth.Caller;
import dev.livecue.core.auth.SecretTokens;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.page.Page;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.store.AccountStore;
import dev.livecue.core.store.AccountStore.Revocation;
import dev.livecue.core.validation.Fields;
import dev.livecue.core.validation.Violations;

/**
 * API keys: 256 random bits behind an {@code lc_} prefix, shown once and stored only as a SHA-256 hash (a fast
 * hash is right for random secrets of this length: there is no dictionary to attack).
 */
@ApplicationScoped
public class ApiKeyService {

    static final String KEY_PREFIX = "lc_";
    private static final int PREFIX_SHOWN = 7;
    static final int MAX_NAME = 64;
    /** Revocations racing each other settle within a few rounds; a key list still moving after that is odd. */
    private static final int REVOKE_ATTEMPTS = 3;

    @Inject
    AccountStore store;

    @Inject
    Clock clock;

    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(KEY_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return store.findKeyOwner(SecretTokens.sha256Hex(token))
                .map(owner -> Caller.creator(owner.creatorId(), owner.keyId()));
    }

    public IssuedApiKey issue(String creatorId, NewApiKey request) {
        String name = null;
        if (request != null && request.name() != null) {
            Violations v = new Violations();
            name = Fields.text(v, "name", request.name(), MAX_NAME).orElse(null);
            v.throwIfAny();
        }
        Secret secret = newSecret(name);
        store.addKey(creatorId, secret.key(), secret.hash());
        return secret.issued();
    }

    /** The creator's keys, {@code callerKeyId} (the key of the request) marked as the current one. */
    public Page<ApiKey> list(String creatorId, String callerKeyId, PageRequest page) {
        return store.listKeys(creatorId, page).map(key -> key.id().equals(callerKeyId) ? key.asCurrent() : key);
    }

    /**
     * Revokes a key, unless it is the creator's only one: nothing issues a key to a creator who has none (the
     * admin token only makes new creators), so revoking the last would lock the account out for good. The key
     * that will remain is named in the delete's transaction, so two revocations at once cannot remove both of the
     * last two keys: the second finds its remaining key gone and decides again.
     */
    public void revoke(String creatorId, String keyId) {
        for (int attempt = 1; attempt <= REVOKE_ATTEMPTS; attempt++) {
            List<ApiKey> keys = store.listKeys(creatorId, PageRequest.first(2)).items();
            Optional<String> kept = keys.stream().map(ApiKey::id).filter(id -> !id.equals(keyId)).findFirst();
            if (kept.isEmpty()) {
                if (keys.isEmpty()) {
                    throw ApiException.notFound("API key " + keyId);
                }
                throw ApiException.conflict("API key " + keyId + " is your only key: create another"
                        + " (POST /v1/api-keys) before revoking it");
            }
            Revocation result = store.deleteKey(creatorId, keyId, kept.get());
            if (result == Revocation.REVOKED) {
                return;
            }
            if (result == Revocation.NO_SUCH_KEY) {
                throw ApiException.notFound("API key " + keyId);
            }
            // RACED: decide again with the keys as they are now
        }
        throw ApiException.concurrentUpdate("Your API keys were changed by another request meanwhile; retry");
    }

    /** A fresh key, for a new key of an existing creator or the first key of a new one. */
    Secret newSecret(String name) {
        String token = SecretTokens.random(KEY_PREFIX, 32);
        ApiKey key = new ApiKey(SecretTokens.id("key_"), name, token.substring(0, PREFIX_SHOWN), clock.instant(), false);
        return new Secret(key, SecretTokens.sha256Hex(token), token);
    }

    record Secret(ApiKey key, String hash, String token) {
        IssuedApiKey issued() {
            return new IssuedApiKey(key.id(), key.name(), key.prefix(), key.createdAt(), token);
        }
    }
}
