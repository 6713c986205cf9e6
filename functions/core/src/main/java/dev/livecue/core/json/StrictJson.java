package dev.livecue.core.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes request parsing strict, so that a typo or a wrong type is a 400 naming the field instead of a silently
 * ignored or coerced value: unknown fields, repeated keys, strings for numbers, numbers for strings and booleans,
 * and nulls for primitives are all rejected.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.addHandler(new LambdaEventsStayLenient());
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // A key given twice is refused rather than "last one wins": other parsers take the first, and a body that
        // means different things to different readers is not a request anyone should rely on.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // 1.5 is not a count
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS); // "60" is not a number, "true" not a boolean
        mapper.coercionConfigFor(LogicalType.Textual) // 60 or true is not a text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Hostile bodies: bound nesting and number length long before they cost anything. Strings stay allowed
        // up to Lambda's 6 MB payload, because the Lambda runtime reads the API Gateway event (whose "body" is
        // the whole request, base64 for binary) with this mapper: a 4 MiB upload probe is a 5.6 MB string there.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxNumberLength(64)
                .maxStringLength(6_291_456)
                .build());
    }

    /**
     * The Lambda runtime reads AWS's own events (API Gateway requests) with this mapper too. AWS adds fields to
     * those whenever it likes; failing on them would turn every request into a 500, so only there an unknown
     * field is skipped.
     */
    static final class LambdaEventsStayLenient extends DeserializationProblemHandler {

        private static final String AWS_EVENTS = "com.amazonaws.services.lambda.runtime.events.";

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object bean, String property) throws IOException {
            if (bean != null && bean.getClass().getName().startsWith(AWS_EVENTS)) {
                parser.skipChildren();
                return true;
            }
            return false;
        }
    }
}
