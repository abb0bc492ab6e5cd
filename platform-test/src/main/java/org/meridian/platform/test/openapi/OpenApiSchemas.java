package org.meridian.platform.test.openapi;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Questions about the schemas of an OpenAPI 3.1 document. */
public final class OpenApiSchemas {

    private OpenApiSchemas() {}

    /** OpenAPI 3.1: null is allowed when every type the schema names includes "null", directly or as an anyOf branch. */
    public static boolean acceptsNull(JsonPath spec, String schema) {
        Object type = spec.get(schema + ".type");
        boolean typeAllowsNull = type == null || (type instanceof List<?> types && types.contains("null"));
        List<Map<String, Object>> anyOf = spec.getList(schema + ".anyOf");
        boolean anyOfAllowsNull = anyOf == null || anyOf.stream().anyMatch(branch -> "null".equals(branch.get("type")));
        return typeAllowsNull && anyOfAllowsNull && (type != null || anyOf != null);
    }
}
