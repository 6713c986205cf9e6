package dev.livecue.core.auth;

import jakarta.enterprise.context.RequestScoped;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.ProblemType;

/** The authenticated caller of the current request, set by the API functions' bearer-auth filter. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "This endpoint needs an API key");
        }
        return caller;
    }

    /** The calling creator's id; every creator-scoped store call starts from it. */
    public String creatorId() {
        Caller c = get();
        if (c.admin()) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "This endpoint needs a creator's API key, not the admin token");
        }
        return c.creatorId();
    }

    public boolean isPresent() {
        return caller != null;
    }
}
