package org.meridian.platform.test.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for operationIds (docs/conventions.md#operation-ids): every operation has one, it is a lowerCamelCase verb
 * phrase starting with one of {@link #VERBS}, and no two operations share one. SDK generators make method names of
 * them, so they must read as one and be unique across the services (the gateway merges their documents).
 */
public final class OperationIds {

    /** The verbs an operationId may start with. Add one here when an operation needs it, not a synonym of these. */
    public static final Set<String> VERBS = Set.of(
            "acknowledge",
            "cancel",
            "complete",
            "create",
            "delete",
            "export",
            "get",
            "give",
            "list",
            "read",
            "record",
            "register",
            "search",
            "start",
            "submit",
            "transition",
            "update",
            "withdraw");

    /** lowerCamelCase: a lower-case first word, then capitalised words (no runs of capitals: getFhirPatient) or numbers. */
    private static final Pattern LOWER_CAMEL_CASE = Pattern.compile("[a-z]+(?:[A-Z][a-z0-9]+|[0-9]+)*");

    private static final Pattern FIRST_WORD = Pattern.compile("^[a-z]+");

    private OperationIds() {}

    /** "METHOD path" -> operationId (null when absent) of every operation of an OpenAPI document's paths. */
    public static Map<String, String> of(Map<String, Map<String, Map<String, Object>>> paths) {
        Map<String, String> ids = new LinkedHashMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (ServedOpenApi.OPERATION_METHODS.contains(method)) {
                ids.put(method.toUpperCase() + " " + path, (String) operation.get("operationId"));
            }
        }));
        return ids;
    }

    /** What breaks the rule, one line per problem; empty when every operation follows it. */
    public static List<String> problems(Map<String, String> idsByOperation) {
        List<String> problems = new ArrayList<>();
        Map<String, String> firstUse = new LinkedHashMap<>();
        idsByOperation.forEach((operation, id) -> {
            if (id == null || id.isBlank()) {
                problems.add(operation + " has no operationId");
                return;
            }
            if (!LOWER_CAMEL_CASE.matcher(id).matches()) {
                problems.add(operation + ": operationId " + id + " is not lowerCamelCase");
            } else {
                var verb = FIRST_WORD.matcher(id);
                if (!verb.find() || !VERBS.contains(verb.group())) {
                    problems.add(operation + ": operationId " + id + " does not start with one of the verbs " + VERBS);
                }
            }
            String other = firstUse.putIfAbsent(id, operation);
            if (other != null) {
                problems.add(operation + ": operationId " + id + " is also that of " + other);
            }
        });
        return problems;
    }
}
