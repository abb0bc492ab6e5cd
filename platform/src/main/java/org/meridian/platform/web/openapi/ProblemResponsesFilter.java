package org.meridian.platform.web.openapi;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.meridian.platform.web.problem.ProblemDetail;

/**
 * Completes the generated OpenAPI document so it states the error contract everywhere: every 4xx/5xx answer
 * (including the 401/403 that security adds on its own) is an RFC 9457 problem document, and every response header
 * has a schema, and the shared audit search gets each service's own operationId. A service with more to say (intake's internal endpoints) extends it and names its subclass in
 * {@code mp.openapi.filter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Pattern AUDIT_SEARCH = Pattern.compile("/api/v1/([a-z]+)/audit-events");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        NullableRequestFields.declare(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((name, path) -> {
            nameAuditSearch(name, path);
            if (name.contains("{")) {
                path.getOperations().values().forEach(ProblemResponsesFilter::documentPathParameterProblem);
            }
        });
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach(ProblemResponsesFilter::complete);
            }
        }
    }

    /**
     * The audit search is one method in {@code platform} (AuditEventSearch) that each service exposes under its own
     * path, so its annotation cannot name it: GET /api/v1/&lt;service&gt;/audit-events becomes
     * {@code list<Service>AuditEvents} ({@code listIntakeAuditEvents}, {@code listOutcomesAuditEvents}), unique in the
     * gateway's merged document.
     */
    private static void nameAuditSearch(String name, PathItem path) {
        Matcher audit = AUDIT_SEARCH.matcher(name);
        if (audit.matches() && path.getGET() != null && path.getGET().getOperationId() == null) {
            String service = audit.group(1);
            path.getGET()
                    .setOperationId(
                            "list" + Character.toUpperCase(service.charAt(0)) + service.substring(1) + "AuditEvents");
        }
    }

    /** Any path parameter holding U+0000 is a 400 naming it (NulCharacterFilter), on every operation that has one. */
    private static void documentPathParameterProblem(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponse("400") == null) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "400",
                            OASFactory.createAPIResponse()
                                    .description(
                                            "A path parameter is invalid (it holds U+0000); the problem names it"));
        }
    }

    private static void complete(String status, APIResponse response) {
        if (isError(status)
                && (response.getContent() == null
                        || response.getContent().getMediaTypes() == null
                        || !response.getContent().getMediaTypes().containsKey(ProblemDetail.MEDIA_TYPE))) {
            response.setContent(OASFactory.createContent()
                    .addMediaType(
                            ProblemDetail.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        }
        Map<String, Header> headers = response.getHeaders();
        if (headers != null) {
            headers.values().stream()
                    .filter(header ->
                            header.getRef() == null && header.getSchema() == null && header.getContent() == null)
                    .forEach(
                            header -> header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /**
     * A nullable object property with a description comes out of SmallRye as {@code type: object} next to
     * {@code anyOf: [$ref, {type: null}]}, and a map of a nullable value type as {@code type: integer} next to the
     * {@code $ref}; in OpenAPI 3.1 such a sibling type would forbid the null the rest allows, so it goes (the $ref or
     * the anyOf carries the type).
     */
    @Override
    public Schema filterSchema(Schema schema) {
        // @NotBlank, which SmallRye writes as pattern "\\S". The validator trims every character up to U+0020, so
        // "\\S" (which admits U+001C) says less than the rule, and a pattern that says it exactly is read differently
        // by different tools (Specmatic 2.55 generated " " from one). So: at least one character, and the rule in
        // words.
        if ("\\S".equals(schema.getPattern())) {
            schema.setPattern(null);
            if (schema.getMinLength() == null) {
                schema.setMinLength(1);
            }
            String description = schema.getDescription() == null ? "" : schema.getDescription() + "; ";
            schema.setDescription(description + "not blank: at least one character above U+0020");
        }
        BoundedFormats.bound(schema);
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
            schema.setFormat(null);
        }
        // A Java int: say where it ends, so clients and generators do not send a number the service cannot read
        if (schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.INTEGER)
                && "int32".equals(schema.getFormat())
                && schema.getMaximum() == null) {
            schema.setMaximum(BigDecimal.valueOf(Integer.MAX_VALUE));
        }
        if (schema.getType() != null
                && !schema.getType().contains(Schema.SchemaType.NULL)
                && schema.getAnyOf() != null
                && schema.getAnyOf().stream()
                        .anyMatch(branch ->
                                branch.getType() != null && branch.getType().contains(Schema.SchemaType.NULL))) {
            schema.setType(null);
        }
        return schema;
    }
}
