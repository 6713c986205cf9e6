package dev.livecue.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import dev.livecue.core.connection.NetworkType;
import dev.livecue.core.error.Problem;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.session.CloseOut;
import dev.livecue.core.session.Interruptions;
import dev.livecue.core.session.SessionStats;
import dev.livecue.core.validation.Fields;

/**
 * Completes the OpenAPI document with what every operation shares, so that clients and API testers generated from
 * it know the rules: the bearer key every operation needs unless its own {@code security} holds an empty
 * requirement (the calendar feed), and the problem+json answers: 400 where an operation takes input, 401 where it
 * takes a key, 404 where its path names something, and a default for the rest (405, 406, 409, 413, 415, 5xx);
 * and the closed lists of values the request schemas take.
 */
public class ApiDocsFilter implements OASFilter {

    static final String SCHEME = "apiKey";
    static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Authorization: Bearer <apiKey> (an lc_ key; the admin token for POST /v1/creators)"));
        components.addSchema(PROBLEM, problemSchema());
        allowedValues(components);
        replaceJsonTrees(openAPI, components);
        localDateTimes(components);
        nullableAnswers(components);
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> document(path, op)));
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
    }

    /**
     * Bodies read as a JSON tree (so that each bad field is reported by name) would show Jackson's node class: the
     * schedule's merge patch is described as NewSchedule's fields, all optional, and the close's stats by their counts.
     */
    private static void replaceJsonTrees(OpenAPI openAPI, Components components) {
        Schema newSchedule = components.getSchemas() == null ? null : components.getSchemas().get("NewSchedule");
        if (newSchedule != null) {
            components.addSchema("SchedulePatch", OASFactory.createObject(Schema.class).addType(SchemaType.OBJECT)
                    .additionalPropertiesBoolean(false).properties(newSchedule.getProperties())
                    .description("JSON merge patch (RFC 7396) of a NewSchedule: a field left out is unchanged"));
            PathItem schedule = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/schedules/{id}");
            if (schedule != null && schedule.getPATCH() != null && schedule.getPATCH().getRequestBody() != null) {
                schedule.getPATCH().getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> media.setSchema(OASFactory.createObject(Schema.class).ref("SchedulePatch")));
            }
        }
        Schema stats = property(components, "CloseConfirmation", "stats");
        if (stats != null) {
            Map<String, Schema> counts = new LinkedHashMap<>();
            for (SessionStats.Stat stat : SessionStats.Stat.values()) {
                counts.put(stat.field(), OASFactory.createObject(Schema.class).addType(SchemaType.INTEGER).format("int64")
                        .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(stat.max())));
            }
            stats.setRef(null);
            stats.setType(List.of(SchemaType.OBJECT));
            stats.additionalPropertiesBoolean(false).properties(counts);
        }
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType");
    }

    /** Java's LocalDateTime is documented as an RFC 3339 date-time, which needs an offset these never have. */
    private static void localDateTimes(Components components) {
        Schema local = components.getSchemas() == null ? null : components.getSchemas().get("LocalDateTime");
        if (local != null) {
            local.setFormat(null);
            local.setPattern(Fields.LOCAL_DATE_TIME_PATTERN);
            local.setExamples(List.of("2027-06-04T19:00:00"));
            local.setDescription("local date-time without offset, in the time zone beside it");
        }
    }

    /**
     * Answers write null for a value they do not have (a session's endedAt while live, the last page's nextCursor),
     * so every member an answer's schema does not require may be null. Request bodies (additionalProperties false)
     * keep their own rules: there a null is not always taken for "left out".
     */
    private static void nullableAnswers(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().values().stream()
                .filter(schema -> schema.getProperties() != null && !Boolean.FALSE.equals(schema.getAdditionalPropertiesBoolean()))
                .forEach(schema -> {
                    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                    Map<String, Schema> properties = new LinkedHashMap<>();
                    schema.getProperties().forEach((name, property) ->
                            properties.put(name, required.contains(name) ? property : nullable(property)));
                    schema.setProperties(properties);
                });
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createObject(Schema.class).description(property.getDescription()).anyOf(List.of(
                    OASFactory.createObject(Schema.class).ref(property.getRef()),
                    OASFactory.createObject(Schema.class).addType(SchemaType.NULL)));
        }
        if (property.getType() != null && !property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.add(SchemaType.NULL);
            property.setType(types);
        }
        return property;
    }

    /** The closed lists of values, from the lists the rules check against (annotations cannot name a list). */
    private static void allowedValues(Components components) {
        oneOf(components, "NewConnectionCheck", "networkType", Arrays.stream(NetworkType.values()).map(NetworkType::json).toList());
        oneOf(components, "CloseRequest", "reason", CloseOut.REASONS);
        oneOf(components, "InterruptRequest", "reason", Interruptions.REASONS);
        Schema events = property(components, "NewSubscription", "events");
        if (events != null && events.getItems() != null) {
            events.getItems().setEnumeration(new ArrayList<>(new TreeSet<>(EventTypes.ALL)));
        }
    }

    private static void oneOf(Components components, String schema, String property, List<String> values) {
        Schema field = property(components, schema, property);
        if (field != null) {
            field.setEnumeration(new ArrayList<>(values));
        }
    }

    private static Schema property(Components components, String schema, String property) {
        Schema owner = components.getSchemas() == null ? null : components.getSchemas().get(schema);
        return owner == null || owner.getProperties() == null ? null : owner.getProperties().get(property);
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
