package org.meridian.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract of intake's event feed: one JSON Schema per event type ({@code events/<type>.schema.json}), the
 * envelope every event shares ({@code IntakeEvent}) and the feed page ({@code IntakeEventPage}). intake-service's tests
 * check what it really emits against it, outcomes-service's tests check their stand-in feed against it, so a change on
 * one side that the other does not follow fails a build (docs/events.md).
 */
public final class EventContract {

    /** The base of the schemas' {@code $id}s; they are read from this module's resources, never fetched. */
    public static final String BASE = "https://meridian.example/events/";

    public static final String ENVELOPE = "IntakeEvent";
    public static final String PAGE = "IntakeEventPage";
    /** Not an event: intake's answer to outcomes' question "which pseudonym is this patient of this clinic?". */
    public static final String PATIENT_LINK = "PatientLink";
    /** Not an event: intake's answer to outcomes' question "did you issue this pseudonym in this clinic?". */
    public static final String ISSUED_PSEUDONYM = "IssuedPseudonym";

    private static final String RESOURCES = "/events/";
    private static final String SUFFIX = ".schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContract INSTANCE = new EventContract();

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> eventTypes;

    private EventContract() {
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemas(iri -> iri.startsWith(BASE) ? text(iri.substring(BASE.length())) : null));
        Set<String> types = new LinkedHashSet<>();
        schemaJson(ENVELOPE).at("/properties/type/enum").forEach(type -> types.add(type.asText()));
        eventTypes = Set.copyOf(types);
    }

    public static EventContract get() {
        return INSTANCE;
    }

    /** The event types of the contract: the envelope's list, each with a schema file of its name. */
    public Set<String> eventTypes() {
        return eventTypes;
    }

    /**
     * What is wrong with one event (empty when it matches its type's schema): the schema's findings, and the rules
     * a schema cannot state: a payload's {@code pseudonymId} and {@code clinicId} equal the envelope's.
     */
    public List<String> violations(JsonNode event) {
        String type = event.path("type").asText(null);
        if (type == null || !eventTypes.contains(type)) {
            return List.of("type " + event.get("type") + " is not an event type of the contract " + eventTypes);
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema(type).validate(event)) {
            problems.add(type + " " + error);
        }
        for (String field : List.of("pseudonymId", "clinicId")) {
            JsonNode inPayload = event.path("payload").get(field);
            if (inPayload != null && !Objects.equals(inPayload, event.get(field))) {
                problems.add(type + " /payload/" + field + ": " + inPayload + " differs from the envelope's "
                        + event.get(field));
            }
        }
        return problems;
    }

    /** What is wrong with one page of the feed: its own shape, then each event's (prefixed with its index). */
    public List<String> pageViolations(JsonNode page) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema(PAGE).validate(page)) {
            problems.add(PAGE + " " + error);
        }
        JsonNode events = page.path("events");
        for (int i = 0; i < events.size(); i++) {
            for (String problem : violations(events.get(i))) {
                problems.add("events[" + i + "] " + problem);
            }
        }
        return problems;
    }

    /** What is wrong with a document that should match the contract's schema {@code name} (empty when it does). */
    public List<String> violations(String name, JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema(name).validate(document)) {
            problems.add(name + " " + error);
        }
        return problems;
    }

    /** The example event of a type's schema: a complete event, valid by construction of the contract's own tests. */
    public JsonNode example(String type) {
        return schemaJson(type).path("examples").path(0).deepCopy();
    }

    /** The schema document {@code events/<name>.schema.json} as JSON. */
    public JsonNode schemaJson(String name) {
        try {
            return JSON.readTree(text(name + SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Schema schema(String name) {
        return schemas.computeIfAbsent(name, key -> {
            Schema schema = registry.getSchema(SchemaLocation.of(BASE + key + SUFFIX));
            schema.initializeValidators();
            return schema;
        });
    }

    private static String text(String file) {
        try (InputStream in = EventContract.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema " + RESOURCES + file + " in the event contract");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
