package org.meridian.platform.web.openapi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Declares every optional property of the schemas a request body can reach as nullable: the service reads an
 * explicit {@code null} as "absent" (friendly to JS and mobile clients), so the document must not promise a 400 for it.
 * A typed property gets {@code "null"} in its type list; a bare {@code $ref} becomes {@code anyOf: [$ref, {type: null}]},
 * the shape SmallRye gives nullable references in responses.
 */
public final class NullableRequestFields {

    private static final String COMPONENTS = "#/components/schemas/";

    private final Map<String, Schema> components;
    private final Set<Schema> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private NullableRequestFields(Map<String, Schema> components) {
        this.components = components;
    }

    static void declare(OpenAPI openAPI) {
        if (openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        NullableRequestFields walk =
                new NullableRequestFields(openAPI.getComponents().getSchemas());
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .filter(operation -> operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().getMediaTypes() != null)
                .flatMap(operation -> operation.getRequestBody().getContent().getMediaTypes().values().stream())
                .map(MediaType::getSchema)
                .forEach(walk::visit);
    }

    private void visit(Schema schema) {
        if (schema == null || !visited.add(schema)) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(COMPONENTS)) {
            visit(components.get(schema.getRef().substring(COMPONENTS.length())));
        }
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(branches -> branches != null)
                .flatMap(List::stream)
                .forEach(this::visit);
        visit(schema.getItems());
        visit(schema.getAdditionalPropertiesSchema());
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            visit(property);
            properties.put(name, required.contains(name) ? property : nullable(property));
        });
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property) {
        if (property.getType() != null) {
            if (!property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
            return property;
        }
        if (property.getRef() == null) {
            return property; // an anyOf that already allows null, or no type at all: null is already valid
        }
        Schema reference = OASFactory.createSchema().ref(property.getRef());
        property.setRef(null);
        return property.anyOf(List.of(reference, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    }
}
