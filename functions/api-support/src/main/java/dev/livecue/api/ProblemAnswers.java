package dev.livecue.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.livecue.core.error.Problem;
import dev.livecue.core.idempotency.IdempotencyService;

/**
 * Documents the problem+json answers every operation can give, which the annotations on the resources leave out:
 * 400 where an operation takes input, 401 where it takes a key, 404 where its path names something, and a default
 * for the rest (405 with Allow, 406, 409, 413, 415, 5xx), all with the {@code Problem} schema; and on every POST
 * its {@code Idempotency-Key} with the 409 and 422 that key can bring.
 */
final class ProblemAnswers {

    static final String PROBLEM = "Problem";

    private ProblemAnswers() {
    }

    static void document(OpenAPI openAPI, Components components) {
        components.addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                document(path, op);
                if (method == PathItem.HttpMethod.POST) {
                    idempotent(op);
                }
            }));
        }
    }

    private static void document(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> p.getRef() == null
                        && p.getIn() != Parameter.In.PATH));
        if (takesInput) {
            problem(responses, "400", "The request is not valid: errors[] names each field and what is wrong with it");
        }
        // an operation's own requirements replace the document's; one that is empty ({}) means "no key needed"
        boolean keyed = operation.getSecurity() == null
                || operation.getSecurity().stream().noneMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
        if (keyed) {
            problem(responses, "401", "No API key, or one that is unknown or revoked (WWW-Authenticate: Bearer)");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Nothing at this path belongs to the caller (another creator's ids look the same)");
        }
        problem(responses, "default", "Any other error (405 with Allow, 406, 409, 413, 415, 5xx), as problem+json");
        // an error a resource annotates itself without a body (the confirmation's 410) is problem+json too
        List.copyOf(responses.getAPIResponses().keySet()).stream().filter(status -> status.matches("[45]\\d\\d")
                && responses.getAPIResponse(status).getContent() == null).forEach(status -> problem(responses, status, null));
    }

    /**
     * Every POST takes an {@code Idempotency-Key} (API contract, "Conventions"), with the two answers only it can
     * give: 409 while the first request with the key is still running, 422 when the key comes with another body.
     */
    private static void idempotent(Operation operation) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> IdempotencyService.HEADER.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name(IdempotencyService.HEADER).in(Parameter.In.HEADER)
                    .required(false).schema(OASFactory.createSchema().addType(SchemaType.STRING).minLength(1)
                            .maxLength(IdempotencyService.MAX_KEY_LENGTH).pattern("^[\\x20-\\x7e]+$"))
                    .description("Any unique string (a UUID): the same key with the same body within 24 h answers the"
                            + " first response again (with Idempotent-Replayed: true) and does nothing again"));
        }
        APIResponses responses = operation.getResponses();
        problem(responses, "409", "Conflict: a request with this Idempotency-Key is still in progress, or the resource's"
                + " state does not allow this now");
        problem(responses, "422", "This Idempotency-Key was used with a different request body");
    }

    /** Adds the answer, or gives an annotated one (such as a bare 400) its problem+json body. */
    private static void problem(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        } else if (response.getDescription() == null || response.getDescription().equals("Bad Request")) {
            response.setDescription(description);
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    /** RFC 9457 as {@link Problem} writes it (empty members left out). */
    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createObject(Schema.class).addType(SchemaType.OBJECT)
                .properties(ordered("field", text("JSON path of the field, such as start or stats.likes"),
                        "message", text("what is wrong with it")));
        return OASFactory.createObject(Schema.class).addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .properties(ordered(
                        "type", text("problem type URI, such as https://livecue.dev/problems/validation-error"),
                        "title", text("short summary of the type"),
                        "status", OASFactory.createObject(Schema.class).addType(SchemaType.INTEGER),
                        "detail", text("what went wrong in this request"),
                        "instance", text("the request's path"),
                        "requestId", text("the X-Request-Id to quote when asking for help"),
                        "errors", OASFactory.createObject(Schema.class).addType(SchemaType.ARRAY).items(fieldError)));
    }

    /** Properties in the order given (Map.of's order would change between builds of the document). */
    private static Map<String, Schema> ordered(Object... namesAndSchemas) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], (Schema) namesAndSchemas[i + 1]);
        }
        return properties;
    }

    private static Schema text(String description) {
        return OASFactory.createObject(Schema.class).addType(SchemaType.STRING).description(description);
    }
}
