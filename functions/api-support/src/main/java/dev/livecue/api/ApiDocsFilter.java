package dev.livecue.api;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document (the local stack serves it; {@code mp.openapi.filter}) so that clients and API
 * testers generated from it know the rules: the bearer key the whole document requires (an operation whose own
 * {@code security} holds an empty requirement, the calendar feed, needs none), the problem+json answers
 * ({@link ProblemAnswers}) and schemas that say what is taken and sent ({@link SchemaCorrections}).
 */
public class ApiDocsFilter implements OASFilter {

    static final String SCHEME = "apiKey";
    /** A body every field of which has a default: a client may send none. */
    public static final String OPTIONAL_BODY = "optional: no body, null or {} takes every default";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Authorization: Bearer <apiKey> (an lc_ key; the admin token for POST /v1/creators)"));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        // corrections first: the Problem schema added after them is not an answer's record
        SchemaCorrections.apply(openAPI, components);
        ProblemAnswers.document(openAPI, components);
    }
}
