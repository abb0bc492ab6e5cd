package org.meridian.platform.fhir;

import jakarta.ws.rs.core.UriInfo;

/** Absolute URLs of this server's FHIR endpoints, as the client reached them (forwarded headers respected). */
public final class FhirUrls {

    public static final String PATH = "fhir/r4/";

    private FhirUrls() {}

    public static String base(UriInfo uri) {
        String base = uri.getBaseUriBuilder().path(PATH).build().toString();
        return base.endsWith("/") ? base : base + "/";
    }

    public static String of(UriInfo uri, String type, String id) {
        return base(uri) + type + "/" + id;
    }

    /** Where a created resource's version is: [base]/[type]/[id]/_history/[vid], the Location R4 requires. */
    public static String version(UriInfo uri, String type, String id, String versionId) {
        return of(uri, type, id) + "/_history/" + versionId;
    }
}
