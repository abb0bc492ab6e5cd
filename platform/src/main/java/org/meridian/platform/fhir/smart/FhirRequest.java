package org.meridian.platform.fhir.smart;

import java.util.Optional;

/** What a request under the FHIR base asks for, as far as scopes care: a resource type and an interaction. */
record FhirRequest(String resourceType, FhirInteraction interaction) {

    static final String BASE = "/fhir/r4/";

    /**
     * The resource interaction of {@code method} on {@code path}, or empty for a path outside the FHIR base and for the
     * server-level endpoints every client may call without a scope (the capability statement, the SMART
     * configuration).
     */
    static Optional<FhirRequest> of(String method, String path) {
        if (!path.startsWith(BASE)) {
            return Optional.empty();
        }
        String[] segments = path.substring(BASE.length()).split("/");
        String type = segments[0];
        if (type.isEmpty() || type.equals("metadata") || type.startsWith(".well-known")) {
            return Optional.empty();
        }
        boolean onType = segments.length == 1;
        boolean typeSearch = segments.length == 2 && segments[1].equals("_search");
        FhirInteraction interaction = switch (method) {
            case "POST" ->
                typeSearch ? FhirInteraction.SEARCH : onType ? FhirInteraction.CREATE : FhirInteraction.UPDATE;
            case "PUT", "PATCH" -> FhirInteraction.UPDATE;
            case "DELETE" -> FhirInteraction.DELETE;
            default -> onType || typeSearch ? FhirInteraction.SEARCH : FhirInteraction.READ;
        };
        return Optional.of(new FhirRequest(type, interaction));
    }
}
