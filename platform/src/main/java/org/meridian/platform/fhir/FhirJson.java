package org.meridian.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR JSON in and out with HAPI's own parser (Jackson stays Quarkus' for the native API). Parsers are cheap and not
 * meant to be shared between threads, so each call makes its own from the cached R4 context.
 */
public final class FhirJson {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private FhirJson() {}

    public static FhirContext context() {
        return CONTEXT;
    }

    public static String encode(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    /**
     * Parses a request body as {@code type}; anything else (not JSON, not FHIR, an unknown element or code, another
     * resource type, a string holding U+0000) is a 400.
     */
    public static <T extends IBaseResource> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw FhirFailures.badRequest("The request body must be a " + type.getSimpleName() + " in FHIR JSON", null);
        }
        // Strict: a misspelt element (say "partof") would otherwise be dropped silently, losing clinical context.
        IParser parser = CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw FhirFailures.badRequest("The request body is not valid FHIR JSON: " + e.getMessage(), null);
        }
        if (!type.isInstance(resource)) {
            throw FhirFailures.badRequest(
                    "Expected a " + type.getSimpleName() + ", not a " + resource.fhirType(), null);
        }
        // PostgreSQL cannot store U+0000 in text: refuse it here, naming the element, rather than fail the write.
        if (resource instanceof Base element) {
            withNul(element, resource.fhirType()).ifPresent(expression -> {
                throw FhirFailures.badRequest(expression + " must not contain the NUL character (U+0000)", expression);
            });
        }
        return type.cast(resource);
    }

    /** The FHIRPath of the first value at or under {@code element} that holds U+0000. */
    private static Optional<String> withNul(Base element, String path) {
        if (element instanceof PrimitiveType<?> primitive
                && primitive.hasValue()
                && primitive.getValueAsString().indexOf('\u0000') >= 0) {
            return Optional.of(path);
        }
        for (Property property : element.children()) {
            List<Base> values = property.getValues();
            for (int index = 0; index < values.size(); index++) {
                Base value = values.get(index);
                String type = value.fhirType();
                String name = property.getName().endsWith("[x]")
                        ? property.getName().replace("[x]", Character.toUpperCase(type.charAt(0)) + type.substring(1))
                        : property.getName();
                Optional<String> found =
                        withNul(value, path + "." + name + (property.getMaxCardinality() > 1 ? "[" + index + "]" : ""));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public static Response.ResponseBuilder ok(IBaseResource resource) {
        return withVersion(Response.ok(encode(resource), MEDIA_TYPE), resource);
    }

    public static Response.ResponseBuilder status(int status, IBaseResource resource) {
        return withVersion(Response.status(status).type(MEDIA_TYPE).entity(encode(resource)), resource);
    }

    /** FHIR's version headers: a weak ETag with meta.versionId and Last-Modified from meta.lastUpdated. */
    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder builder, IBaseResource resource) {
        if (resource instanceof Resource fhir && fhir.hasMeta()) {
            if (fhir.getMeta().hasVersionId()) {
                builder.tag(new EntityTag(fhir.getMeta().getVersionId(), true));
            }
            if (fhir.getMeta().hasLastUpdated()) {
                builder.lastModified(fhir.getMeta().getLastUpdated());
            }
        }
        return builder;
    }
}
