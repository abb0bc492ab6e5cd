package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.patientPath;
import static org.meridian.intake.Fixtures.sessionsPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.meridian.events.EventContract;
import org.meridian.intake.Fixtures;
import org.meridian.intake.service.EventPublisher.EventType;
import org.meridian.platform.test.security.TestTokens;

/**
 * The producer side of the event contract (docs/events.md): every event intake emits, read from its real feed as
 * outcomes-service reads it, matches the event-contract module's schema of its type, and every type of the contract is
 * emitted here, so that the schemas, the publisher and this scenario stay in step.
 */
@QuarkusTest
class EventFeedContractTest {

    private static final String FEED = EventFeedResource.INTERNAL_PREFIX + "/v1/intake/events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventContract contract = EventContract.get();

    @Test
    void everyEventIntakeEmitsMatchesTheSchemaOfItsTypeAndEveryTypeIsEmitted() {
        // Earlier tests' events come first, some of them test-only types written straight to the outbox.
        List<JsonNode> earlier = readAfter(0, false);
        long head = earlier.isEmpty() ? 0 : earlier.getLast().get("position").asLong();

        Set<String> clinics = emitEveryEventType();

        // Tests run one at a time, so every event after the head is this scenario's, and each page is checked whole.
        List<JsonNode> events = readAfter(head, true);
        assertThat(events)
                .allSatisfy(event ->
                        assertThat(clinics).contains(event.get("clinicId").asText()));
        Set<String> emitted =
                events.stream().map(event -> event.get("type").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(emitted)
                .as("a type of the contract that intake never emitted here, or emitted without a schema")
                .isEqualTo(new TreeSet<>(contract.eventTypes()));
        assertThat(events)
                .as("the nullable fields were emitted as null too")
                .anySatisfy(event ->
                        assertThat(event.at("/payload/birthYear").isNull()).isTrue())
                .anySatisfy(event ->
                        assertThat(event.at("/payload/chronicity").asText()).isEqualTo("NOT_APPLICABLE"))
                .anySatisfy(event ->
                        assertThat(event.at("/payload/closedReason").asText()).isEqualTo("COURSE_COMPLETED"));
    }

    @Test
    void theContractsEventTypesAreThePublishersAndTheFeedDocumentsThem() {
        assertThat(Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.toSet()))
                .isEqualTo(contract.eventTypes());
        List<String> documented = given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("components.schemas.IntakeEvent.properties.type.enum");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(contract.eventTypes());
    }

    /** Drives the public API through every change that publishes an event; returns the clinics it used. */
    private static Set<String> emitEveryEventType() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String patient = patientPath(clinicId, patientId);
        // A corrected date of birth that makes the patient 90 or older: the birth year is withheld from then on.
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": "%s", "sex": "FEMALE",
                         "identifiers": [{"type": "MRN", "system": "https://ehr.example/mrn", "value": "MRN-%s"}]}
                        """.formatted(LocalDate.now(ZoneOffset.UTC).minusYears(91), patientId))
                .when()
                .put(patient)
                .then()
                .statusCode(200);
        Fixtures.consent(clinicId, patientId, "TREATMENT");
        String research = Fixtures.consent(clinicId, patientId, "RESEARCH");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(practitionerId, false)
                        .replace("[\"LOW_BACK\", \"SCIATICA_LEFT\"]", "[\"UPPER_BACK\"]"))
                .when()
                .post(patient + "/intake-assessments")
                .then()
                .statusCode(201);
        Fixtures.assessment(clinicId, patientId, practitionerId, false);

        String episodeId = Fixtures.episode(clinicId, patientId);
        String episode = patient + "/episodes/" + episodeId;
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"startDate\": \"" + LocalDate.now(ZoneOffset.UTC).minusDays(30)
                        + "\", \"plannedSessions\": 12, \"goals\": \"Pain <= 3/10\"}")
                .when()
                .put(episode)
                .then()
                .statusCode(200);
        String sessionId = Fixtures.session(new Fixtures.CareSetup(clinicId, practitionerId, patientId, episodeId));
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"RECORDED_IN_ERROR\"}")
                .when()
                .post(sessionsPath(clinicId, episodeId) + "/" + sessionId + "/cancellation")
                .then()
                .statusCode(200);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"COMPLETED\"}")
                .when()
                .post(episode + "/transitions")
                .then()
                .statusCode(200);
        String second = Fixtures.episode(clinicId, patientId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"DISCONTINUED\", \"reason\": \"PATIENT_CHOICE\"}")
                .when()
                .post(patient + "/episodes/" + second + "/transitions")
                .then()
                .statusCode(200);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(patient + "/consents/" + research + "/withdrawal")
                .then()
                .statusCode(200);
        return Set.of(clinicId);
    }

    /** Every event after {@code after}, page by page as outcomes-service reads them, each page checked if asked. */
    private List<JsonNode> readAfter(long after, boolean checked) {
        List<JsonNode> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            String body = given().auth()
                    .oauth2(TestTokens.service())
                    .queryParam("after", cursor)
                    .queryParam("limit", 500)
                    .when()
                    .get(FEED)
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .extract()
                    .asString();
            JsonNode page = parse(body);
            if (checked) {
                assertThat(contract.pageViolations(page))
                        .as("page after %d", cursor)
                        .isEmpty();
            }
            if (page.get("events").isEmpty()) {
                return events;
            }
            page.get("events").forEach(events::add);
            cursor = page.get("nextAfter").asLong();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
