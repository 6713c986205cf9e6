package dev.livecue.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.FieldError;
import dev.livecue.core.error.Problem;
import dev.livecue.core.error.ProblemType;

/**
 * Turns every failure into an RFC 9457 problem+json response: our own {@link ApiException}s, unreadable JSON
 * (naming the field where Jackson knows it), the framework's own HTTP errors, and, as a last resort, anything
 * unexpected as a 500 that is logged with its request id but never shows a stack trace to the caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int SHOWN_VALUE = 100;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response problem = problem(e.type(), e.getMessage(), e.errors(), uri);
        return e.retryAfter().map(wait -> Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())).build()).orElse(problem);
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        return problem(ProblemType.VALIDATION, field + ": is not a known field",
                List.of(new FieldError(field, "is not a known field")), uri);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = JsonPaths.of(e);
        if (field.isEmpty()) {
            return problem(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object", List.of(new FieldError("body", "must be a JSON object")), uri);
        }
        String message = "has the wrong type" + JsonPaths.expected(e.getTargetType());
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            message = "'" + invalid.getValue() + "' is not valid" + JsonPaths.expected(e.getTargetType());
        }
        return problem(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        Optional<String> duplicate = JsonPaths.duplicateKey(e);
        if (duplicate.isPresent()) {
            return repeated(duplicate.get(), uri);
        }
        String field = JsonPaths.of(e);
        String where = field.isEmpty() ? "body" : field;
        return problem(ProblemType.VALIDATION, where + ": could not be read", List.of(new FieldError(where, "could not be read")), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        Optional<String> duplicate = JsonPaths.duplicateKey(e);
        if (duplicate.isPresent()) {
            return repeated(duplicate.get(), uri);
        }
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return problem(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + at,
                List.of(new FieldError("body", "is not valid JSON" + at)), uri);
    }

    /** A key given twice: parsers disagree on which value wins, so neither is taken. */
    private Response repeated(String field, UriInfo uri) {
        return problem(ProblemType.VALIDATION, field + ": appears more than once", List.of(new FieldError(field, "appears more than once")), uri);
    }

    @ServerExceptionMapper
    public Response tooDeep(StreamConstraintsException e, UriInfo uri) {
        return problem(ProblemType.MALFORMED_REQUEST, "The body exceeds a JSON size limit: " + e.getOriginalMessage(),
                List.of(new FieldError("body", "exceeds a JSON size limit")), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON", List.of(new FieldError("body", "is not valid JSON")), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return mapJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 405) {
            return notAllowed(AllowedMethods.ofCurrentRequest(), request.getMethod(), uri);
        }
        if (status == 404) {
            // RESTEasy answers 404 when the resource class that serves the path with other methods is not the last
            // one its routing tried (POST /v1/sessions/{id}/connection-report falls through to /v1/sessions)
            Set<String> allowed = AllowedMethods.ofCurrentRequest();
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                return notAllowed(allowed, request.getMethod(), uri);
            }
        }
        if (status == 415) {
            return headerAtFault(ProblemType.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE, headers,
                    "is not a type this endpoint reads; send JSON as application/json (a PATCH also takes application/merge-patch+json)", uri);
        }
        if (status == 406) {
            return headerAtFault(ProblemType.NOT_ACCEPTABLE, HttpHeaders.ACCEPT, headers,
                    "allows none of the types this endpoint answers in; leave it out or accept */*", uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? "No resource at " + uri.getPath() : type.title();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", MDC.get(RequestLog.REQUEST_ID));
        }
        return Response.fromResponse(problem(type, detail, List.of(), uri)).status(status).build();
    }

    /** RFC 9110 wants a 405 to carry the methods the resource allows; the caller reads them in the detail too. */
    private Response notAllowed(Set<String> allowed, String method, UriInfo uri) {
        String methods = String.join(", ", allowed);
        Response problem = problem(ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed on " + uri.getPath()
                + (methods.isEmpty() ? "" : "; it allows " + methods), List.of(), uri);
        return Response.fromResponse(problem).allow(allowed).build();
    }

    /**
     * A 415 or 406 names the header at fault, its value and what to send instead: the framework's bare "Unsupported
     * media type" leaves an automation tool's user guessing which of the request's parts to change.
     */
    private Response headerAtFault(ProblemType type, String header, HttpHeaders headers, String message, UriInfo uri) {
        String value = headers.getHeaderString(header);
        String shown = value == null || value.isBlank() ? "(empty)" : abbreviated(value.strip());
        return problem(type, header + " " + shown + " " + message, List.of(new FieldError(header, message)), uri);
    }

    /** Echoes enough of a caller's value to recognise it, not a 20 KiB header back. */
    private static String abbreviated(String value) {
        return value.length() <= SHOWN_VALUE ? value : value.substring(0, SHOWN_VALUE) + "...";
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "request %s failed unexpectedly", MDC.get(RequestLog.REQUEST_ID));
        return problem(ProblemType.INTERNAL, "Something went wrong on our side; the request id helps us find it", List.of(), uri);
    }

    private Response mapJson(JsonProcessingException json, UriInfo uri) {
        if (json instanceof UnrecognizedPropertyException e) {
            return unrecognizedField(e, uri);
        }
        if (json instanceof MismatchedInputException e) {
            return wrongType(e, uri);
        }
        if (json instanceof JsonParseException e) {
            return malformed(e, uri);
        }
        if (json instanceof StreamConstraintsException e) {
            return tooDeep(e, uri);
        }
        if (json instanceof JsonMappingException e) {
            return unreadable(e, uri);
        }
        return json(json, uri);
    }

    static Response problem(ProblemType type, String detail, List<FieldError> errors, UriInfo uri) {
        Object requestId = MDC.get(RequestLog.REQUEST_ID);
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail, uri == null ? null : uri.getPath(),
                requestId == null ? null : requestId.toString(), errors);
        Response.ResponseBuilder response = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body);
        if (type == ProblemType.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer realm=\"livecue\"");
        }
        return response.build();
    }
}
