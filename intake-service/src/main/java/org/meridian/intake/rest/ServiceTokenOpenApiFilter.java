package org.meridian.intake.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.meridian.intake.security.ServiceTokenFilter;
import org.meridian.platform.web.openapi.ProblemResponsesFilter;

/** The shared error contract, plus the internal endpoints' own credential (see EventFeedResource). */
public class ServiceTokenOpenApiFilter extends ProblemResponsesFilter {

    private static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        // With a second scheme in the document, Quarkus gives the @RolesAllowed operations that one instead of
        // bearer; the loop below puts bearer back.
        if (openAPI.getComponents() != null) {
            openAPI.getComponents()
                    .addSecurityScheme(
                            EventFeedResource.SERVICE_TOKEN,
                            OASFactory.createSecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name(ServiceTokenFilter.HEADER)
                                    .description(
                                            "The shared service credential (MERIDIAN_INTERNAL_TOKEN) of the internal endpoints;"
                                                    + " user tokens are not accepted there"));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((name, path) -> {
            if (name.startsWith(EventFeedResource.INTERNAL_PREFIX + "/")) {
                path.getOperations()
                        .values()
                        .forEach(operation -> operation.setSecurity(List.of(
                                OASFactory.createSecurityRequirement().addScheme(EventFeedResource.SERVICE_TOKEN))));
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
}
