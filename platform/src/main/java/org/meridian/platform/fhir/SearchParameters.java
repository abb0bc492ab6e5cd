package org.meridian.platform.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The query of a FHIR search, checked strictly: a parameter outside the supported set is a 400 rather than silently
 * ignored, so a client never mistakes an unfiltered result for a filtered one. Paging: {@code _count} (1-100,
 * default 20) and {@code _page} (zero-based, like the native API's page). Token values are HAPI's {@link TokenParam}
 * ({@code system|code}, {@code |code} with no system, {@code code} in any system: a null system), dates are
 * {@link DateSearch}es.
 */
public final class SearchParameters {

    public static final int DEFAULT_COUNT = 20;
    public static final int MAX_COUNT = 100;
    /** Far beyond any real result, and small enough that page times count stays an int. */
    public static final int MAX_PAGE = 100_000;

    private static final Set<String> PAGING = Set.of("_count", "_page", "_format");
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", FhirJson.MEDIA_TYPE);

    private final MultivaluedMap<String, String> query;

    public SearchParameters(MultivaluedMap<String, String> query, Set<String> supported) {
        this.query = query;
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(supported);
        unknown.removeAll(PAGING);
        if (!unknown.isEmpty()) {
            throw FhirFailures.of(
                    400,
                    IssueType.NOTSUPPORTED,
                    "Unsupported search parameter(s): "
                            + String.join(", ", unknown) + "; supported: " + String.join(", ", new TreeSet<>(supported))
                            + ", _count, _page (see GET /fhir/r4/metadata)");
        }
        for (String format : all("_format")) {
            if (!JSON_FORMATS.contains(format)) {
                throw FhirFailures.of(406, IssueType.NOTSUPPORTED, "Only FHIR JSON is served (_format=json)");
            }
        }
    }

    public List<String> all(String name) {
        List<String> values = query.get(name);
        return values == null
                ? List.of()
                : values.stream().filter(value -> !value.isBlank()).toList();
    }

    private static final Pattern UNESCAPED_COMMA = Pattern.compile("(?<!\\\\),");

    public Optional<String> single(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw FhirFailures.badRequest("Search parameter " + name + " may be given once", null);
        }
        return values.stream().findFirst();
    }

    /** Comma-separated values of one parameter mean "any of them"; an escaped comma ({@code \,}) is part of a value. */
    public List<String> anyOf(String name) {
        return single(name)
                .map(value -> Arrays.stream(UNESCAPED_COMMA.split(value))
                        .map(String::strip)
                        .filter(part -> !part.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    public List<TokenParam> tokens(String name) {
        return anyOf(name).stream().map(value -> token(name, value)).toList();
    }

    public List<DateSearch> dates(String name) {
        return all(name).stream().map(value -> DateSearch.parse(name, value)).toList();
    }

    public int count() {
        int count = integer("_count", DEFAULT_COUNT);
        if (count < 1 || count > MAX_COUNT) {
            throw FhirFailures.badRequest("_count must be 1.." + MAX_COUNT, null);
        }
        return count;
    }

    public int page() {
        int page = integer("_page", 0);
        if (page < 0 || page > MAX_PAGE) {
            throw FhirFailures.badRequest("_page must be 0.." + MAX_PAGE + " (pages are zero-based)", null);
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
            throw FhirFailures.badRequest(name + " must be an integer", null);
        }
    }

    /** One token value as HAPI reads it (with FHIR's escaping of '|', ',' and '$'). */
    public static TokenParam token(String name, String value) {
        TokenParam token = new TokenParam();
        token.setValueAsQueryToken(FhirJson.context(), name, null, value);
        return token;
    }

    /** FHIR token matching of a code: {@code code} in any system, {@code system|code}, or {@code |code} with no system. */
    public static boolean matches(TokenParam token, String system, String code) {
        if (!token.getValue().equals(code)) {
            return false;
        }
        if (token.getSystem() == null) {
            return true;
        }
        return token.getSystem().isEmpty()
                ? system == null || system.isEmpty()
                : token.getSystem().equals(system);
    }
}
