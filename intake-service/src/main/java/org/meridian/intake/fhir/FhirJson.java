package org.meridian.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR JSON in and out with HAPI's own parser (Jackson stays Quarkus' for the native API). Parsers are cheap and not
 * meant to be shared between threads, so each call makes its own from the cached R4 context.
 */
public final class FhirJson {

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private FhirJson() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    public static String encode(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    /**
     * Parses a request body as {@code type}; anything else (not JSON, not FHIR, an unknown element or code, another
     * resource type) is a 400.
     */
    public static <T extends IBaseResource> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw FhirException.badRequest("The request body must be a " + type.getSimpleName() + " in FHIR JSON", null);
        }
        // Strict: a misspelt element (say "partof") would otherwise be dropped silently, losing clinical context.
        IParser parser = CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw FhirException.badRequest("The request body is not valid FHIR JSON: " + e.getMessage(), null);
        }
        if (!type.isInstance(resource)) {
            throw FhirException.badRequest("Expected a " + type.getSimpleName() + ", not a " + resource.fhirType(),
                    null);
        }
        return type.cast(resource);
    }

    public static Response.ResponseBuilder ok(IBaseResource resource) {
        return withVersion(Response.ok(encode(resource), MeridianFhir.MEDIA_TYPE), resource);
    }

    public static Response.ResponseBuilder status(int status, IBaseResource resource) {
        return withVersion(Response.status(status).type(MeridianFhir.MEDIA_TYPE).entity(encode(resource)), resource);
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
