package dev.livecue.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.livecue.core.error.FieldError;
import dev.livecue.core.error.Problem;
import dev.livecue.core.error.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The refusals made before any resource runs, answered in problem+json like every other error instead of the HTTP
 * layer's empty body: a request target that is not a valid URI (400 naming {@code path} or {@code query}; Quarkus's
 * own check is handed over by {@code UriValidation}, and this route runs first, so nothing after it sees such a
 * target) and a declared body larger than {@code quarkus.http.limits.max-body-size} (413 naming {@code body}, the
 * connection closed rather than the rest read).
 */
@Singleton
public class EarlyRefusals {

    private static final Logger LOG = Logger.getLogger("livecue.access");

    private final ObjectMapper json;
    private final long maxBodyBytes;

    EarlyRefusals(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.json = json;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String target = request.uri();
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            int query = target.indexOf('?');
            String part = query >= 0 && e.getIndex() > query ? "query" : "path";
            String where = e.getIndex() < 0 ? "" : " at character " + (e.getIndex() + 1);
            String message = "is not valid URI syntax (" + e.getReason() + where + ")";
            refuse(context, ProblemType.VALIDATION, "The request's " + part + " " + message, new FieldError(part, message));
            return;
        }
        if (declaredLength(request) > maxBodyBytes) {
            // The rest of the body is never read: once the answer is out, the connection goes (as Quarkus does).
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> request.connection().close());
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than " + maxBodyBytes + " bytes",
                    new FieldError("body", "is larger than " + maxBodyBytes + " bytes"));
            return;
        }
        context.next();
    }

    /** The Content-Length the caller declared, or -1; the HTTP codec has refused one that is not a number. */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail, FieldError error) {
        HttpServerRequest request = context.request();
        String id = RequestLog.requestId(request.getHeader(RequestLog.HEADER));
        String target = request.uri();
        int query = target.indexOf('?');
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail,
                query >= 0 ? target.substring(0, query) : target, id, List.of(error));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always writable", e);
        }
        LOG.infof("%s %.200s -> %d before routing: %s", request.method(), target, type.status(), detail);
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestLog.HEADER, id)
                .end(body);
    }
}
