package dev.livecue.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import dev.livecue.core.analytics.AnalyticsService;
import dev.livecue.core.connection.NetworkType;
import dev.livecue.core.connection.ProbeService;
import dev.livecue.core.events.EventTypes;
import dev.livecue.core.page.PageRequest;
import dev.livecue.core.session.CloseOut;
import dev.livecue.core.session.Interruptions;
import dev.livecue.core.session.SessionStats;
import dev.livecue.core.validation.Fields;

/**
 * Corrects what the schemas generated from the Java types get wrong or cannot say: the closed lists of values a
 * request takes, the bodies read as JSON trees, local date-times, and the nulls answers write.
 */
final class SchemaCorrections {

    private SchemaCorrections() {
    }

    static void apply(OpenAPI openAPI, Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        allowedValues(components);
        queryParameters(openAPI);
        replaceJsonTrees(openAPI, components);
        localDateTimes(components);
        nullableAnswers(components);
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

    /**
     * Query parameters are read as text, so that {@code ?limit=abc} is a 400 naming it rather than the framework's
     * 404; documented here as the values the services take.
     */
    private static void queryParameters(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream().flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .filter(parameter -> parameter.getIn() == Parameter.In.QUERY)
                .forEach(parameter -> {
                    switch (parameter.getName()) {
                        case "limit" -> parameter.setSchema(whole(1, PageRequest.MAX_LIMIT).defaultValue(PageRequest.DEFAULT_LIMIT));
                        case "bytes" -> parameter.setSchema(whole(0, ProbeService.MAX_BYTES));
                        case "weeks" -> parameter.setSchema(whole(1, AnalyticsService.MAX_WEEKS));
                        case "from", "to" -> parameter.setSchema(OASFactory.createObject(Schema.class).addType(SchemaType.STRING)
                                .format("date-time"));
                        case "cursor" -> parameter.setDescription("the nextCursor of the page before; opaque");
                        default -> { }
                    }
                });
    }

    private static Schema whole(int min, int max) {
        return OASFactory.createObject(Schema.class).addType(SchemaType.INTEGER).minimum(BigDecimal.valueOf(min))
                .maximum(BigDecimal.valueOf(max));
    }

    private static void oneOf(Components components, String schema, String property, List<String> values) {
        Schema field = property(components, schema, property);
        if (field != null) {
            field.setEnumeration(new ArrayList<>(values));
        }
    }

    private static Schema property(Components components, String schema, String property) {
        Schema owner = components.getSchemas().get(schema);
        return owner == null || owner.getProperties() == null ? null : owner.getProperties().get(property);
    }

    /**
     * Bodies read as a JSON tree (so that each bad field is reported by name) would show Jackson's node class: the
     * schedule's merge patch is described as NewSchedule's fields, all optional, and the close's stats by their counts.
     */
    private static void replaceJsonTrees(OpenAPI openAPI, Components components) {
        Schema newSchedule = components.getSchemas().get("NewSchedule");
        if (newSchedule != null) {
            components.addSchema("SchedulePatch", OASFactory.createObject(Schema.class).addType(SchemaType.OBJECT)
                    .additionalPropertiesBoolean(false).properties(new LinkedHashMap<>(newSchedule.getProperties()))
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
        Schema local = components.getSchemas().get("LocalDateTime");
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
}
