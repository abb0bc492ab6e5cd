package org.meridian.intake.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.meridian.platform.security.InternalPaths;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.openapi.ProblemResponsesFilter;

/**
 * The shared error contract, plus the internal endpoints' own security scheme: a bearer JWT too, but another token
 * than the public API's (audience meridian-intake, role event-feed-reader: outcomes-service's client credentials), so
 * a client of the document (Specmatic in scripts/contract-test.sh) knows which token each operation takes.
 */
public class ServiceTokenOpenApiFilter extends ProblemResponsesFilter {

    private static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        documentServiceTokenRefusals(openAPI);
        super.filterOpenAPI(openAPI);
        // With a second scheme in the document, Quarkus gives the @RolesAllowed operations that one instead of
        // bearer; the loop below puts bearer back.
        if (openAPI.getComponents() != null) {
            openAPI.getComponents()
                    .addSecurityScheme(
                            EventFeedResource.SERVICE_TOKEN,
                            OASFactory.createSecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("A service's bearer JWT from Meridian's OIDC issuer, by client"
                                            + " credentials (outcomes-service: client meridian-outcomes): audience"
                                            + " meridian-intake and role event-feed-reader in the groups claim. User"
                                            + " tokens (audience meridian-api) are refused with 403"));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((name, path) -> {
            if (InternalPaths.isInternal(name)) {
                path.getOperations()
                        .values()
                        .forEach(operation -> operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                                .addScheme(EventFeedResource.SERVICE_TOKEN, List.of(Roles.EVENT_FEED_READER)))));
                return;
            }
            path.getOperations().values().stream()
                    .filter(operation -> operation.getSecurity() != null)
                    .flatMap(operation -> operation.getSecurity().stream())
                    .filter(requirement -> requirement.hasScheme(EventFeedResource.SERVICE_TOKEN))
                    .forEach(requirement -> {
                        requirement.addScheme(BEARER, requirement.getScheme(EventFeedResource.SERVICE_TOKEN));
                        requirement.removeScheme(EventFeedResource.SERVICE_TOKEN);
                    });
        });
    }

    /** Every internal operation answers 401 and 403 as the feed does (the shared filter gives them the problem body). */
    private static void documentServiceTokenRefusals(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((name, path) -> {
            if (!InternalPaths.isInternal(name)) {
                return;
            }
            for (Operation operation : path.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses.getAPIResponse("401") == null) {
                    responses.addAPIResponse(
                            "401",
                            OASFactory.createAPIResponse()
                                    .description("No bearer token, or one that is invalid, expired or of another"
                                            + " issuer"));
                }
                if (responses.getAPIResponse("403") == null) {
                    responses.addAPIResponse(
                            "403",
                            OASFactory.createAPIResponse()
                                    .description("A valid token without audience meridian-intake or without role"
                                            + " event-feed-reader (a user's token, another client's)"));
                }
            }
        });
    }
}
