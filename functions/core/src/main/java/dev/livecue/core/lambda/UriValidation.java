package dev.livecue.core.lambda;

/**
 * Hands the check of a request's URI from Quarkus to Livecue. Quarkus refuses a request target that is not a valid
 * URI (a stray {@code %}, a space, a {@code |}) with a bare 400 before any route runs; api-support's
 * {@code EarlyRefusals} makes the same check first thing on the router and answers problem+json naming the part.
 * Quarkus reads the switch once, when its HTTP layer loads, so each entry point calls this before Quarkus starts.
 */
public final class UriValidation {

    /** Vert.x's switch, which Quarkus's root handler honours. */
    static final String QUARKUS_CHECK_OFF = "vertx.disableURIValidation";

    private UriValidation() {
    }

    public static void handOverToLivecue() {
        System.setProperty(QUARKUS_CHECK_OFF, "true");
    }
}
