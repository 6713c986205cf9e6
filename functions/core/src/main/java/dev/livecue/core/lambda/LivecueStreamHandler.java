package dev.livecue.core.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;

import dev.livecue.core.store.DynamoWarmup;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

/**
 * The functions' Lambda entry point: Quarkus's stream handler, with the DynamoDB client warmed up beside its boot.
 * Every Livecue function's first request makes DynamoDB calls, and loading the SDK for them was most of what that
 * request cost. On an on-demand start the warm-up runs on a second thread while Quarkus boots on this one, which
 * shortens the cold start where the function has more than one vCPU's worth of CPU (at 1024 MB Lambda gives ~0.58,
 * so there it mostly reorders the same work). Under SnapStart it runs inline, so the snapshot holds its result and
 * restored functions skip it (AWS's "priming").
 */
public final class LivecueStreamHandler {

    /** Longest the first request waits for a warm-up still running (it then loads what is left itself). */
    private static final long WARMUP_WAIT_MILLIS = 3000;

    private final QuarkusStreamHandler quarkus;
    /** The warm-up thread until the first request has waited for it; the runtime calls one request at a time. */
    private Thread warmup;

    public LivecueStreamHandler() {
        UriValidation.handOverToLivecue();
        if ("snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            DynamoWarmup.run();
        } else {
            warmup = new Thread(DynamoWarmup::run, "dynamodb-warmup");
            warmup.setDaemon(true);
            warmup.start();
        }
        quarkus = new QuarkusStreamHandler();
    }

    /** The runtime's stream-method form: not a {@code RequestStreamHandler}, which Quarkus would take for a second handler. */
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        if (warmup != null) {
            // The first request builds the real client: let the warm-up finish first rather than build beside it.
            try {
                warmup.join(WARMUP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            warmup = null;
        }
        quarkus.handleRequest(input, output, context);
    }
}
