package org.meridian.gateway.docs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one the gateway publishes. Paths are already public
 * (each service serves under its own prefix), except the services' internal ones ({@code /internal/...}), which the
 * gateway does not route: they stay out, with the tags and schemas only they use, so that an SDK generated from the
 * public document has no method it could never call. Schemas with the same name and the same definition are kept once;
 * a same-named but different schema is renamed with the service's name and every reference to it rewritten.
 * operationIds are kept as the services give them; two operations with one id (which the services' OperationIdsTest
 * rules out, so only services of mismatched versions can cause it) make the merge fail with
 * {@link DuplicateOperationIdException}: SDK generators name methods after the ids, and a document where one id
 * names two operations is invalid OpenAPI that they would silently rename.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final String INTERNAL_PREFIX = "/internal/";

    private static final List<String> OPERATION_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiMerger() {}

    /** Two operations of the merged document have the same operationId. */
    public static final class DuplicateOperationIdException extends IllegalStateException {
        DuplicateOperationIdException(String operationId, String first, String second) {
            super("operationId " + operationId + " names two operations: " + first + " and " + second);
        }
    }

    /** @param specs service name -> its OpenAPI document, in the order they should appear */
    public static JsonObject merge(Map<String, JsonObject> specs, String version) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonArray tags = new JsonArray();
        Map<String, String> operationIds = new HashMap<>();
        for (Map.Entry<String, JsonObject> entry : specs.entrySet()) {
            JsonObject spec =
                    renameConflictingSchemas(entry.getKey(), entry.getValue().copy(), schemas);
            JsonObject serviceSchemas =
                    spec.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            serviceSchemas.forEach(schema -> schemas.put(schema.getKey(), schema.getValue()));
            spec.getJsonObject("paths", new JsonObject()).forEach(path -> {
                if (path.getKey().startsWith(INTERNAL_PREFIX)) {
                    return;
                }
                claimOperationIds(entry.getKey(), path.getKey(), path.getValue(), operationIds);
                paths.put(path.getKey(), path.getValue());
            });
            spec.getJsonArray("tags", new JsonArray()).forEach(tag -> addTag(tags, tag));
        }
        Set<String> usedTags = tagsOf(paths);
        JsonArray publicTags = new JsonArray(tags.stream()
                .filter(tag -> tag instanceof JsonObject named && usedTags.contains(named.getString("name")))
                .toList());
        JsonObject publicSchemas = reachable(paths, schemas);
        GatewayResponseDeclarations.declareOn(paths, OPERATION_METHODS);
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put(
                        "info",
                        new JsonObject()
                                .put("title", "Meridian API")
                                .put("version", version)
                                .put(
                                        "description",
                                        "Patient-reported outcomes for acupuncture care of back pain. All calls go through "
                                                + "this gateway with a bearer JWT. Errors are application/problem+json (RFC 9457).")
                                .put(
                                        "license",
                                        new JsonObject()
                                                .put("name", "Apache 2.0")
                                                .put("identifier", "Apache-2.0")))
                .put(
                        "servers",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("url", "/")
                                        .put("description", "This gateway, the single public entry")
                                        .put("x-internal", false)))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("tags", publicTags)
                .put("paths", paths)
                .put(
                        "components",
                        new JsonObject()
                                .put("schemas", publicSchemas)
                                .put("headers", GatewayResponseDeclarations.headers())
                                .put("responses", GatewayResponseDeclarations.responses())
                                .put(
                                        "securitySchemes",
                                        new JsonObject()
                                                .put(
                                                        "bearer",
                                                        new JsonObject()
                                                                .put("type", "http")
                                                                .put("scheme", "bearer")
                                                                .put("bearerFormat", "JWT")
                                                                .put(
                                                                        "description",
                                                                        "Access token (a signed JWT) from the operator's"
                                                                                + " OpenID Connect provider. Handled as"
                                                                                + " RFC8725 recommends: the gateway and"
                                                                                + " each service check the signature"
                                                                                + " with the provider's keys and an"
                                                                                + " allowed algorithm (never 'none'),"
                                                                                + " the issuer, the audience and the"
                                                                                + " expiry."))));
    }

    /**
     * One tag a name: both services may group operations under the same name (Patients), which makes one API class of
     * an SDK; their descriptions are joined.
     */
    private static void addTag(JsonArray tags, Object tag) {
        if (!(tag instanceof JsonObject named)) {
            return;
        }
        for (Object existing : tags) {
            if (existing instanceof JsonObject known
                    && Objects.equals(known.getString("name"), named.getString("name"))) {
                String description = named.getString("description");
                String knownDescription = known.getString("description");
                if (description != null && !description.equals(knownDescription)) {
                    known.put(
                            "description",
                            knownDescription == null ? description : knownDescription + "; " + description);
                }
                return;
            }
        }
        tags.add(named.copy());
    }

    private static Set<String> tagsOf(JsonObject paths) {
        Set<String> used = new HashSet<>();
        paths.forEach(path -> {
            if (path.getValue() instanceof JsonObject operations) {
                for (String method : OPERATION_METHODS) {
                    JsonObject operation = operations.getJsonObject(method);
                    if (operation != null) {
                        operation.getJsonArray("tags", new JsonArray()).forEach(tag -> used.add(String.valueOf(tag)));
                    }
                }
            }
        });
        return used;
    }

    /** The schemas the paths refer to, directly or through other schemas, in their merged order. */
    private static JsonObject reachable(JsonObject paths, JsonObject schemas) {
        Set<String> found = new HashSet<>();
        Deque<Object> pending = new ArrayDeque<>(List.of(paths));
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof JsonObject object) {
                String ref = object.getString("$ref") instanceof String text ? text : null;
                if (ref != null && ref.startsWith(SCHEMA_REF_PREFIX)) {
                    String name = ref.substring(SCHEMA_REF_PREFIX.length());
                    if (found.add(name) && schemas.containsKey(name)) {
                        pending.push(schemas.getValue(name));
                    }
                }
                object.forEach(field -> pushUnlessNull(pending, field.getValue()));
            } else if (node instanceof JsonArray array) {
                array.forEach(value -> pushUnlessNull(pending, value));
            }
        }
        JsonObject kept = new JsonObject();
        schemas.forEach(schema -> {
            if (found.contains(schema.getKey())) {
                kept.put(schema.getKey(), schema.getValue());
            }
        });
        return kept;
    }

    /** JSON null ("default": null, "example": null) refers to nothing, and ArrayDeque holds no nulls. */
    private static void pushUnlessNull(Deque<Object> pending, Object value) {
        if (value != null) {
            pending.push(value);
        }
    }

    private static void claimOperationIds(String service, String path, Object item, Map<String, String> claimed) {
        if (!(item instanceof JsonObject operations)) {
            return;
        }
        for (String method : OPERATION_METHODS) {
            JsonObject operation = operations.getJsonObject(method);
            String id = operation == null ? null : operation.getString("operationId");
            if (id == null) {
                continue;
            }
            String name = service + ": " + method.toUpperCase(Locale.ROOT) + " " + path;
            String first = claimed.putIfAbsent(id, name);
            if (first != null) {
                throw new DuplicateOperationIdException(id, first, name);
            }
        }
    }

    private static JsonObject renameConflictingSchemas(String service, JsonObject spec, JsonObject alreadyMerged) {
        JsonObject serviceSchemas =
                spec.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        Map<String, String> renames = new LinkedHashMap<>();
        for (String name : serviceSchemas.fieldNames()) {
            Object existing = alreadyMerged.getValue(name);
            if (existing != null && !existing.equals(serviceSchemas.getValue(name))) {
                renames.put(name, capitalize(service) + name);
            }
        }
        if (renames.isEmpty()) {
            return spec;
        }
        renames.forEach((from, to) -> serviceSchemas.put(to, serviceSchemas.remove(from)));
        return (JsonObject) rewriteRefs(spec, renames);
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            for (String key : object.fieldNames().toArray(String[]::new)) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String ref && ref.startsWith(SCHEMA_REF_PREFIX)) {
                    String target = ref.substring(SCHEMA_REF_PREFIX.length());
                    if (renames.containsKey(target)) {
                        object.put(key, SCHEMA_REF_PREFIX + renames.get(target));
                    }
                } else if ("discriminator".equals(key)
                        && value instanceof JsonObject discriminator
                        && discriminator.getValue("mapping") instanceof JsonObject mapping) {
                    // A discriminator's mapping names schemas by reference too, as plain strings rather than $ref.
                    for (String name : mapping.fieldNames().toArray(String[]::new)) {
                        if (mapping.getValue(name) instanceof String ref
                                && ref.startsWith(SCHEMA_REF_PREFIX)
                                && renames.containsKey(ref.substring(SCHEMA_REF_PREFIX.length()))) {
                            mapping.put(
                                    name, SCHEMA_REF_PREFIX + renames.get(ref.substring(SCHEMA_REF_PREFIX.length())));
                        }
                    }
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> rewriteRefs(item, renames));
        }
        return node;
    }

    private static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
