package org.meridian.outcomes.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.meridian.events.EventContract;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.client.IntakeEvent;
import org.meridian.outcomes.client.IntakePayload.SessionPayload;
import org.meridian.outcomes.client.IntakePayload.UnknownPayload;

/**
 * The consumer side of the event contract (docs/events.md): outcomes' payload records read every event type of the
 * event-contract module's schemas without losing a field, and the stand-in feed the tests script (built from those
 * records) serves only events and pages that match the schemas, so that neither can drift from what intake emits.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class IntakeFeedContractTest {

    private final EventContract contract = EventContract.get();

    /** The application's mapper, which the feed client reads with. */
    @Inject
    ObjectMapper json;

    @Inject
    IntakeFeedConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "meridian.intake.url")
    String intakeUrl;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID episode = UUID.randomUUID();

    @Test
    void everyTypeOfTheContractIsReadIntoItsPayloadRecordWithoutLosingAField() throws IOException {
        for (String type : contract.eventTypes()) {
            JsonNode example = contract.example(type);

            IntakeEvent event = json.treeToValue(example, IntakeEvent.class);

            JsonNode written = IntakeScript.JSON.valueToTree(event.payload());

            assertThat(event.payload()).as(type).isNotNull().isNotInstanceOf(UnknownPayload.class);
            assertThat(written).as(type + ": the record written back").isEqualTo(example.get("payload"));
            assertThat(event.pseudonymId()).as(type).isEqualTo(event.payload().pseudonymId());
        }
    }

    @Test
    void theConsumerMapsExactlyTheContractsEventTypes() throws NoSuchFieldException {
        JsonSubTypes mapped = IntakeEvent.class.getDeclaredField("payload").getAnnotation(JsonSubTypes.class);

        Set<String> names = Arrays.stream(mapped.value())
                .flatMap(subtype ->
                        Arrays.stream(subtype.names().length > 0 ? subtype.names() : new String[] {subtype.name()}))
                .collect(Collectors.toSet());

        assertThat(names)
                .as("an event type of the contract that outcomes does not read, or one it reads that the"
                        + " contract does not have")
                .isEqualTo(contract.eventTypes());
    }

    @Test
    void theScriptedFeedServesEveryTypeAsTheContractSaysAndTheConsumerAppliesThem() throws Exception {
        UUID session = UUID.randomUUID();
        LocalDate start = LocalDate.parse("2026-10-05");
        Instant started = Instant.parse("2026-10-05T09:00:00Z");
        IntakeScript script = IntakeScript.events()
                .clinicRegistered(clinic, "Europe/Dublin")
                .patientRegistered(clinic, patient)
                .patientUpdated(clinic, patient, null, "80+")
                .intakeAssessment(clinic, patient)
                .consent(clinic, patient, true)
                .episodeStarted(clinic, patient, episode, start)
                .episodeUpdated(clinic, patient, episode, start, "ACTIVE")
                .sessionRecorded(clinic, patient, episode, session, 1, started)
                .sessionCancelled(clinic, patient, episode, session, 1, started)
                .consent(clinic, patient, false)
                .episodeClosed(clinic, patient, episode, start, "DISCONTINUED", "PATIENT_CHOICE");
        assertThat(script.built().stream()
                        .map(event -> event.get("type").asText())
                        .collect(Collectors.toSet()))
                .as("IntakeScript builds every type of the contract")
                .isEqualTo(contract.eventTypes());

        List<Long> positions = script.publish();
        JsonNode page = feedPage(positions.getFirst() - 1);
        assertThat(page.get("events")).hasSize(positions.size());
        assertThat(contract.pageViolations(page)).isEmpty();
        consumer.poll();

        assertThat(query("select time_zone from projected_clinic where clinic_id = ?", clinic))
                .containsExactly("Europe/Dublin");
        assertThat(query(
                        "select coalesce(birth_year::text, '-') || '|' || age_band || '|' || chronicity || '|'"
                                + " || research_consent from projected_patient where pseudonym_id = ?",
                        patient))
                .containsExactly("-|80+|CHRONIC|false");
        assertThat(query("select status || '|' || closed_reason from projected_episode where episode_id = ?", episode))
                .containsExactly("DISCONTINUED|PATIENT_CHOICE");
        assertThat(query(
                        "select session_number || '|' || cancelled from projected_session where session_id = ?",
                        session))
                .containsExactly("1|true");
    }

    @Test
    void theScriptedFeedRefusesAnEventThatBreaksTheContract() {
        Map<String, Object> renamed = Map.of(
                "sessionId",
                UUID.randomUUID().toString(),
                "episodeId",
                episode.toString(),
                "pseudonymId",
                patient.toString(),
                "sessionNumber",
                1,
                "startTime",
                "2026-10-05T09:00:00Z");

        assertThatThrownBy(() -> IntakeScript.events()
                        .patientRegistered(clinic, patient)
                        .add("SessionRecorded", clinic, patient, renamed)
                        .publish())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("required property 'startedAt' not found")
                .hasMessageContaining("'startTime' is not defined");
        consumer.poll();
        assertThat(query("select count(*) from projected_patient where pseudonym_id = ?", patient))
                .as("the batch was refused whole")
                .containsExactly("0");
    }

    /** The tolerant reader of docs/events.md: older timestamps without seconds, unknown fields and unknown types. */
    @Test
    void readsWhatOlderOrNewerIntakesWrite() throws IOException {
        ObjectNode older = (ObjectNode) contract.example("SessionRecorded");
        ((ObjectNode) older.get("payload"))
                .put("startedAt", "2026-11-22T09:30Z")
                .put("room", "3");
        ObjectNode newer = (ObjectNode) contract.example("ClinicRegistered");
        newer.put("type", "ClinicRenamed");

        SessionPayload session =
                (SessionPayload) json.treeToValue(older, IntakeEvent.class).payload();
        IntakeEvent renamed = json.treeToValue(newer, IntakeEvent.class);

        assertThat(session.startedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:30:00Z"));
        assertThat(renamed.payload()).isInstanceOf(UnknownPayload.class);
    }

    private JsonNode feedPage(long after) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        intakeUrl + "/internal/v1/intake/events?after=" + after + "&limit=500"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<String> query(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
