package org.meridian.intake.fhir;

import org.meridian.platform.fhir.FhirException;
import org.meridian.platform.fhir.Uuids;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The query of a FHIR search, checked strictly: a parameter outside the supported set is a 400 rather than silently
 * ignored, so a client never mistakes an unfiltered result for a filtered one. Paging: {@code _count} (1-100,
 * default 20) and {@code _page} (zero-based, like the native API's page).
 */
final class SearchParameters {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;
    static final int MAX_PAGE = 100_000;
    private static final Set<String> PAGING = Set.of("_count", "_page", "_format");
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", MeridianFhir.MEDIA_TYPE);

    /** A token search value: {@code system|code}, {@code |code} (no system) or {@code code} (any system). */
    record Token(String system, String code) {

        boolean anySystem() {
            return system == null;
        }
    }

    private final MultivaluedMap<String, String> query;

    SearchParameters(MultivaluedMap<String, String> query, Set<String> supported) {
        this.query = query;
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(supported);
        unknown.removeAll(PAGING);
        if (!unknown.isEmpty()) {
            throw new FhirException(400, IssueType.NOTSUPPORTED, "Unsupported search parameter(s): "
                    + String.join(", ", unknown) + "; supported: " + String.join(", ", new TreeSet<>(supported))
                    + ", _count, _page (see GET /fhir/r4/metadata)");
        }
        for (String format : all("_format")) {
            if (!JSON_FORMATS.contains(format)) {
                throw new FhirException(406, IssueType.NOTSUPPORTED, "Only FHIR JSON is served (_format=json)");
            }
        }
    }

    List<String> all(String name) {
        List<String> values = query.get(name);
        return values == null ? List.of() : values.stream().filter(value -> !value.isBlank()).toList();
    }

    Optional<String> single(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw FhirException.badRequest("Search parameter " + name + " may be given once", null);
        }
        return values.stream().findFirst();
    }

    /** Comma-separated values of one parameter mean "any of them". */
    List<String> anyOf(String name) {
        return single(name).map(value -> Arrays.stream(value.split(",")).map(String::strip)
                .filter(part -> !part.isEmpty()).toList()).orElse(List.of());
    }

    List<Token> tokens(String name) {
        return anyOf(name).stream().map(SearchParameters::token).toList();
    }

    List<DateBound> dates(String name) {
        return all(name).stream().map(value -> DateBound.parse(name, value)).toList();
    }

    /**
     * A reference search value naming one {@code type} resource by its Meridian id: {@code Patient/{id}}, a bare
     * {@code {id}}, or an absolute URL ending in {@code Patient/{id}}. An id that is not a Meridian id finds nothing.
     */
    Optional<UUID> reference(String name, String type) {
        return single(name).map(value -> {
            String id = value;
            int slash = value.lastIndexOf('/');
            if (slash >= 0) {
                String before = value.substring(0, slash);
                if (!before.equals(type) && !before.endsWith("/" + type)) {
                    throw FhirException.badRequest(name + " must reference a " + type + " (" + type + "/{id}), not '"
                            + value + "'", null);
                }
                id = value.substring(slash + 1);
            }
            return Uuids.parse(id).orElse(FhirScope.NOBODY);
        });
    }

    int count() {
        int count = integer("_count", DEFAULT_COUNT);
        if (count < 1 || count > MAX_COUNT) {
            throw FhirException.badRequest("_count must be 1.." + MAX_COUNT, null);
        }
        return count;
    }

    int page() {
        int page = integer("_page", 0);
        if (page < 0 || page > MAX_PAGE) {
            throw FhirException.badRequest("_page must be 0.." + MAX_PAGE + " (pages are zero-based)", null);
        }
        return page;
    }

    private int integer(String name, int defaultValue) {
        Optional<String> value = single(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw FhirException.badRequest(name + " must be an integer", null);
        }
    }

    static Token token(String value) {
        int bar = value.indexOf('|');
        if (bar < 0) {
            return new Token(null, value);
        }
        return new Token(value.substring(0, bar), value.substring(bar + 1));
    }
}
