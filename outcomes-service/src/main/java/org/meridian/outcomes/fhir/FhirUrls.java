package org.meridian.outcomes.fhir;

import jakarta.ws.rs.core.UriInfo;

/** Absolute URLs of this server's FHIR endpoints, as the client reached them (forwarded headers respected). */
final class FhirUrls {

    static final String PATH = "fhir/r4/";

    private FhirUrls() {
    }

    static String base(UriInfo uri) {
        String base = uri.getBaseUriBuilder().path(PATH).build().toString();
        return base.endsWith("/") ? base : base + "/";
    }

    static String of(UriInfo uri, String type, String id) {
        return base(uri) + type + "/" + id;
    }

    /** Where a created resource's version is: [base]/[type]/[id]/_history/[vid], the Location R4 requires. */
    static String version(UriInfo uri, String type, String id, String versionId) {
        return of(uri, type, id) + "/_history/" + versionId;
    }
}
