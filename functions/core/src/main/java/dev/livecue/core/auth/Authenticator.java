package dev.livecue.core.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.livecue.core.config.LivecueConfig;
import dev.livecue.core.creator.ApiKeyService;
import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.ProblemType;

/** Turns a bearer token into a {@link Caller}, or refuses it with a 401. */
@ApplicationScoped
public class Authenticator {

    @Inject
    ApiKeyService keys;

    @Inject
    LivecueConfig config;

    public Caller admin(String token) {
        boolean ok = config.adminToken().filter(admin -> !admin.isBlank())
                .map(admin -> SecretTokens.constantTimeEquals(admin, token)).orElse(false);
        if (!ok) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "This endpoint needs the admin token");
        }
        return Caller.ADMIN;
    }

    public Caller creator(String token) {
        return keys.authenticate(token)
                .orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "The API key is unknown or revoked"));
    }
}
