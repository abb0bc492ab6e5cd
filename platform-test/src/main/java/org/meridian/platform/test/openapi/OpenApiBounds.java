package org.meridian.platform.test.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bounds rule of the OpenAPI documents (docs/conventions.md#bounds), as the OWASP API ruleset of Spectral states
 * it: every string schema has {@code maxLength}, {@code enum} or {@code const}; every integer a {@code minimum}, a
 * {@code maximum} and a {@code format}; every array a {@code maxItems}. Like Spectral it looks at every object of the
 * document with such a {@code type} (alone or in a type list), wherever it is: components, parameters, headers,
 * bodies. A bound must also leave room for a value ({@code minLength <= maxLength}, {@code minimum <= maximum}).
 */
public final class OpenApiBounds {

    private OpenApiBounds() {}

    /**
     * Every schema of {@code document} that breaks the rule, as its JSON pointer and what it lacks, leaving out the
     * {@code accepted} pointers (arrays that grow with the data, each listed with its reason by the service's test).
     */
    public static List<String> problems(Object document, Set<String> accepted) {
        List<String> problems = new ArrayList<>();
        walk(document, "", accepted, problems);
        return problems;
    }

    private static void walk(Object node, String pointer, Set<String> accepted, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            if (!accepted.contains(pointer)) {
                check(map, pointer, problems);
            }
            map.forEach((key, value) -> walk(value, pointer + "/" + escape(String.valueOf(key)), accepted, problems));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), pointer + "/" + i, accepted, problems);
            }
        }
    }

    private static void check(Map<?, ?> schema, String pointer, List<String> problems) {
        if (hasType(schema, "string")
                && !schema.containsKey("maxLength")
                && !schema.containsKey("enum")
                && !schema.containsKey("const")) {
            problems.add(pointer + ": a string without maxLength, enum or const");
        }
        if (hasType(schema, "integer")) {
            if (!schema.containsKey("minimum") && !schema.containsKey("exclusiveMinimum")) {
                problems.add(pointer + ": an integer without minimum");
            }
            if (!schema.containsKey("maximum") && !schema.containsKey("exclusiveMaximum")) {
                problems.add(pointer + ": an integer without maximum");
            }
            if (!schema.containsKey("format")) {
                problems.add(pointer + ": an integer without format (int32 or int64)");
            }
        }
        if (hasType(schema, "array") && !schema.containsKey("maxItems")) {
            problems.add(pointer + ": an array without maxItems");
        }
        if (greater(schema.get("minLength"), schema.get("maxLength"))) {
            problems.add(pointer + ": minLength is above maxLength");
        }
        if (greater(schema.get("minimum"), schema.get("maximum"))) {
            problems.add(pointer + ": minimum is above maximum");
        }
        if (greater(schema.get("minItems"), schema.get("maxItems"))) {
            problems.add(pointer + ": minItems is above maxItems");
        }
    }

    private static boolean hasType(Map<?, ?> schema, String type) {
        Object declared = schema.get("type");
        return type.equals(declared) || (declared instanceof List<?> types && types.contains(type));
    }

    private static boolean greater(Object low, Object high) {
        return low instanceof Number
                && high instanceof Number
                && new BigDecimal(low.toString()).compareTo(new BigDecimal(high.toString())) > 0;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
