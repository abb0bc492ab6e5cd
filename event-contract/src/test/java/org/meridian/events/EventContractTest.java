package org.meridian.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventContract contract = EventContract.get();

    @Test
    void everySchemaFileIsTheEnvelopeThePageOrAListedEventTypeAndEveryTypeHasOne() throws IOException {
        Set<String> files = new HashSet<>();
        try (Stream<Path> paths = Files.list(SCHEMAS)) {
            paths.forEach(path -> files.add(path.getFileName().toString()));
        }
        Set<String> expected = new HashSet<>();
        contract.eventTypes().forEach(type -> expected.add(type + ".schema.json"));
        expected.add("IntakeEvent.schema.json");
        expected.add("IntakeEventPage.schema.json");
        expected.add(EventContract.PATIENT_LINK + ".schema.json");
        expected.add(EventContract.ISSUED_PSEUDONYM + ".schema.json");
        assertThat(files).isEqualTo(expected);
        assertThat(contract.eventTypes()).hasSize(11);
    }

    @Test
    void everySchemaIsAValidDraft2020SchemaWithItsFileNameAsId() throws IOException {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        try (Stream<Path> paths = Files.list(SCHEMAS)) {
            for (Path path : paths.toList()) {
                JsonNode schema = JSON.readTree(path.toFile());
                assertThat(metaSchema.validate(schema)).as(path.toString()).isEmpty();
                assertThat(schema.get("$id").asText()).isEqualTo(EventContract.BASE + path.getFileName());
                assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            }
        }
    }

    @Test
    void eachTypesExampleMatchesItsSchemaAndAPageOfThemAllMatchesThePageSchema() {
        ArrayNode events = JSON.createArrayNode();
        for (String type : contract.eventTypes()) {
            JsonNode example = contract.example(type);
            assertThat(example.path("type").asText()).as(type).isEqualTo(type);
            assertThat(contract.violations(example)).as(type).isEmpty();
            events.add(example);
        }
        ObjectNode page = JSON.createObjectNode();
        page.set("events", events);
        page.put("nextAfter", 12);
        assertThat(contract.pageViolations(page)).isEmpty();
    }

    @Test
    void thePatientLinksExampleMatchesAndAMissingPseudonymDoesNot() {
        JsonNode example =
                contract.schemaJson(EventContract.PATIENT_LINK).path("examples").path(0);
        assertThat(contract.violations(EventContract.PATIENT_LINK, example)).isEmpty();
        ObjectNode incomplete = (ObjectNode) example.deepCopy();
        incomplete.remove("pseudonymId");
        assertThat(contract.violations(EventContract.PATIENT_LINK, incomplete))
                .singleElement()
                .satisfies(problem -> assertThat(problem).contains("pseudonymId"));
    }

    @Test
    void theIssuedPseudonymsExampleMatchesAndAPatientIdIsRefused() {
        JsonNode example = contract.schemaJson(EventContract.ISSUED_PSEUDONYM)
                .path("examples")
                .path(0);
        assertThat(contract.violations(EventContract.ISSUED_PSEUDONYM, example)).isEmpty();
        ObjectNode withPatientId = (ObjectNode) example.deepCopy();
        withPatientId.put("patientId", "0b6f3f5e-8a3c-4d52-9f1e-2c7d4a9b1e01");
        assertThat(contract.violations(EventContract.ISSUED_PSEUDONYM, withPatientId))
                .singleElement()
                .satisfies(problem -> assertThat(problem).contains("patientId"));
    }

    @Test
    void aRenamedOrMissingPayloadFieldIsAViolation() {
        ObjectNode event = (ObjectNode) contract.example("SessionRecorded");
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.set("startTime", payload.remove("startedAt"));

        assertThat(contract.violations(event))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("/payload").contains("startedAt"))
                .anySatisfy(problem -> assertThat(problem).contains("startTime"));
    }

    @Test
    void aWrongValueTypeEnumValueFormatOrNullIsAViolation() {
        assertViolation(
                "SessionRecorded",
                "/payload/sessionNumber",
                JSON.getNodeFactory().textNode("1"));
        assertViolation(
                "SessionRecorded", "/payload/startedAt", JSON.getNodeFactory().textNode("2026-11-24T10:00:00+01:00"));
        assertViolation(
                "SessionRecorded", "/payload/episodeId", JSON.getNodeFactory().textNode("not-a-uuid"));
        assertViolation(
                "EpisodeStarted", "/payload/startDate", JSON.getNodeFactory().textNode("2026-02-30"));
        assertViolation(
                "EpisodeStarted", "/payload/status", JSON.getNodeFactory().textNode("ACTIVE"));
        assertViolation(
                "EpisodeClosed", "/payload/closedReason", JSON.getNodeFactory().nullNode());
        assertViolation(
                "IntakeAssessmentRecorded",
                "/payload/chronicity",
                JSON.getNodeFactory().textNode("SOMETIMES"));
        assertViolation(
                "PatientRegistered", "/pseudonymId", JSON.getNodeFactory().nullNode());
        assertViolation("ClinicRegistered", "/occurredAt", JSON.getNodeFactory().numberNode(1764000000));
    }

    @Test
    void anEnvelopeFieldTooManyOrAnUnknownTypeIsAViolation() {
        ObjectNode extra = (ObjectNode) contract.example("ClinicRegistered");
        extra.put("patientName", "Alice");
        assertThat(contract.violations(extra)).singleElement().asString().contains("patientName");

        ObjectNode unknown = (ObjectNode) contract.example("ClinicRegistered");
        unknown.put("type", "ClinicRenamed");
        assertThat(contract.violations(unknown)).singleElement().asString().contains("ClinicRenamed");
    }

    @Test
    void aPayloadAboutAnotherPatientOrClinicThanItsEnvelopeIsAViolation() {
        ObjectNode event = (ObjectNode) contract.example("PatientRegistered");
        ((ObjectNode) event.get("payload")).put("pseudonymId", "11111111-2222-4333-8444-555555555555");
        ((ObjectNode) event.get("payload")).put("clinicId", "11111111-2222-4333-8444-666666666666");

        assertThat(contract.violations(event)).hasSize(2);
    }

    @Test
    void aPageWithABrokenEventOrWithoutItsCursorIsAViolation() {
        ObjectNode broken = (ObjectNode) contract.example("SessionCancelled");
        ((ObjectNode) broken.get("payload")).remove("cancelReason");
        ObjectNode page = JSON.createObjectNode();
        page.set(
                "events",
                JSON.createArrayNode().add(contract.example("SessionRecorded")).add(broken));

        List<String> problems = contract.pageViolations(page);

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("nextAfter"))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("events[1] SessionCancelled")
                        .contains("cancelReason"));
    }

    private void assertViolation(String type, String pointer, JsonNode value) {
        ObjectNode event = (ObjectNode) contract.example(type);
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) event.at(pointer.substring(0, slash));
        parent.set(pointer.substring(slash + 1), value);
        assertThat(contract.violations(event))
                .as(type + " " + pointer + " = " + value)
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).contains(pointer));
    }
}
