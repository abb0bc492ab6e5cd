package org.meridian.gateway.docs;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the merged public document from the services' build output, as {@code /openapi} serves it from the running
 * services: the SDKs and the linters of the build read this file, so they need no running stack.
 * Run by the gateway's build after the services' ({@code target/openapi/meridian-openapi.json}); a service whose
 * document is not built yet (a build of the gateway alone) leaves the file unwritten, and says so.
 */
public final class MergedOpenApiFile {

    private MergedOpenApiFile() {}

    /** @param args the output file, then {@code name=document} for each service, in the merged order */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: MergedOpenApiFile OUTPUT NAME=DOCUMENT...");
        }
        Path output = Path.of(args[0]);
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] service = args[i].split("=", 2);
            Path document = Path.of(service[1]);
            if (!Files.isRegularFile(document)) {
                System.out.println("[meridian] " + document + " is not built: " + output + " not written");
                return;
            }
            specs.put(service[0], new JsonObject(Files.readString(document)));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(
                output,
                OpenApiMerger.merge(specs, MergedOpenApiRoute.API_VERSION).encodePrettily() + "\n");
        System.out.println("[meridian] wrote the merged public OpenAPI document to " + output);
    }
}
