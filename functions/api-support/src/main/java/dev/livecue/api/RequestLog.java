package dev.livecue.api;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.livecue.core.store.RequestDynamoTime;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one), puts it in the
 * logging context and the response, and logs one line per request: what a 3 a.m. reader needs to follow a call.
 */
public class RequestLog {

    public static final String REQUEST_ID = "requestId";
    static final String HEADER = "X-Request-Id";
    private static final String STARTED = "livecue.started";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final String SERVER_TIMING = "Server-Timing";
    private static final Logger LOG = Logger.getLogger("livecue.access");

    private final RequestDynamoTime dynamo;

    RequestLog(RequestDynamoTime dynamo) {
        this.dynamo = dynamo;
    }

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        String id = requestId(request.getHeaderString(HEADER));
        MDC.put(REQUEST_ID, id);
        request.setProperty(REQUEST_ID, id);
        request.setProperty(STARTED, System.nanoTime());
    }

    /** The caller's {@code X-Request-Id} when it is sane, else a new one. */
    static String requestId(String given) {
        return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @ServerResponseFilter
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        Object started = request.getProperty(STARTED);
        Duration took = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - (Long) started);
        int calls = dynamo.calls();
        Duration inDynamo = dynamo.inFlight();
        response.getHeaders().putSingle(SERVER_TIMING, String.format(Locale.ROOT,
                "dynamodb;dur=%.3f;desc=\"%d calls\", app;dur=%.3f", millis(inDynamo), calls, millis(took)));
        LOG.infof("%s %s -> %d in %d ms (DynamoDB: %d calls, %d ms)", request.getMethod(), request.getUriInfo().getPath(),
                response.getStatus(), took.toMillis(), calls, inDynamo.toMillis());
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
