package org.meridian.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.meridian.outcomes.client.IntakePayload.AssessmentPayload;
import org.meridian.outcomes.client.IntakePayload.ClinicPayload;
import org.meridian.outcomes.client.IntakePayload.ConsentPayload;
import org.meridian.outcomes.client.IntakePayload.EpisodePayload;
import org.meridian.outcomes.client.IntakePayload.PatientPayload;
import org.meridian.outcomes.client.IntakePayload.SessionPayload;

/**
 * Scripts intake's feed in {@link FakeIntake}: builds events as intake publishes them, from outcomes' own payload
 * records (so the events are what outcomes reads), and appends them. FakeIntake refuses any event that does not match
 * the event contract's schemas (docs/events.md).
 */
public final class IntakeScript {

    /** Writes the records as intake's feed does: ISO 8601 text dates, UTC. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Map<String, Object>> events = new ArrayList<>();

    public static IntakeScript events() {
        return new IntakeScript();
    }

    public IntakeScript clinicRegistered(UUID clinicId, String timeZone) {
        return add("ClinicRegistered", clinicId, null, new ClinicPayload(clinicId, timeZone));
    }

    public IntakeScript patientRegistered(UUID clinicId, UUID pseudonymId) {
        return add(
                "PatientRegistered",
                clinicId,
                pseudonymId,
                new PatientPayload(pseudonymId, clinicId, 1971, "50-59", "FEMALE"));
    }

    /** A corrected date of birth; a null birth year is what intake sends from age 90 on. */
    public IntakeScript patientUpdated(UUID clinicId, UUID pseudonymId, Integer birthYear, String ageBand) {
        return add(
                "PatientUpdated",
                clinicId,
                pseudonymId,
                new PatientPayload(pseudonymId, clinicId, birthYear, ageBand, "FEMALE"));
    }

    public IntakeScript intakeAssessment(UUID clinicId, UUID pseudonymId) {
        return add(
                "IntakeAssessmentRecorded",
                clinicId,
                pseudonymId,
                new AssessmentPayload(
                        pseudonymId,
                        UUID.randomUUID(),
                        List.of("LOW_BACK", "SCIATICA_LEFT"),
                        "CHRONIC",
                        14,
                        "EVERY_DAY_OR_NEARLY_EVERY_DAY",
                        false));
    }

    public IntakeScript consent(UUID clinicId, UUID pseudonymId, boolean given) {
        return add(
                given ? "ResearchConsentGiven" : "ResearchConsentWithdrawn",
                clinicId,
                pseudonymId,
                new ConsentPayload(
                        pseudonymId, UUID.randomUUID(), "2026-01", OffsetDateTime.parse("2026-10-01T08:00:00Z")));
    }

    /** A planned episode, as intake announces every new one. */
    public IntakeScript episodeStarted(UUID clinicId, UUID pseudonymId, UUID episodeId, LocalDate start) {
        return add(
                "EpisodeStarted",
                clinicId,
                pseudonymId,
                new EpisodePayload(episodeId, pseudonymId, start, 10, "PLANNED", null));
    }

    /** The episode's plan changed or it became ACTIVE (explicitly, or by its first session). */
    public IntakeScript episodeUpdated(
            UUID clinicId, UUID pseudonymId, UUID episodeId, LocalDate start, String status) {
        return add(
                "EpisodeUpdated",
                clinicId,
                pseudonymId,
                new EpisodePayload(episodeId, pseudonymId, start, 10, status, null));
    }

    public IntakeScript episodeClosed(
            UUID clinicId, UUID pseudonymId, UUID episodeId, LocalDate start, String status, String reason) {
        return add(
                "EpisodeClosed",
                clinicId,
                pseudonymId,
                new EpisodePayload(episodeId, pseudonymId, start, 10, status, reason));
    }

    public IntakeScript sessionRecorded(
            UUID clinicId, UUID pseudonymId, UUID episodeId, UUID sessionId, int number, Instant startedAt) {
        return add(
                "SessionRecorded",
                clinicId,
                pseudonymId,
                new SessionPayload(
                        sessionId, episodeId, pseudonymId, number, startedAt.atOffset(ZoneOffset.UTC), null));
    }

    public IntakeScript sessionCancelled(
            UUID clinicId, UUID pseudonymId, UUID episodeId, UUID sessionId, int number, Instant startedAt) {
        return add(
                "SessionCancelled",
                clinicId,
                pseudonymId,
                new SessionPayload(
                        sessionId,
                        episodeId,
                        pseudonymId,
                        number,
                        startedAt.atOffset(ZoneOffset.UTC),
                        "PATIENT_DID_NOT_ATTEND"));
    }

    /** Any event: a payload record, or a map for an event the contract does not allow. */
    public IntakeScript add(String type, UUID clinicId, UUID pseudonymId, Object payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put("clinicId", clinicId.toString());
        event.put("pseudonymId", pseudonymId == null ? null : pseudonymId.toString());
        event.put("payload", JSON.valueToTree(payload));
        events.add(event);
        return this;
    }

    /** The scripted events as JSON, as they will be appended (without their positions). */
    public List<JsonNode> built() {
        return events.stream().<JsonNode>map(JSON::valueToTree).toList();
    }

    /** Appends the events to the fake feed; returns their positions. */
    public List<Long> publish() {
        JsonNode positions = call("POST", "/fake/events", events);
        if (!positions.isArray()) {
            throw new AssertionError("FakeIntake refused the scripted events: " + positions);
        }
        List<Long> result = new ArrayList<>();
        positions.forEach(position -> result.add(position.asLong()));
        return result;
    }

    /** Tells the fake intake which pseudonym its patient {@code patientId} of the clinic has. */
    public static void patientLink(UUID clinicId, UUID patientId, UUID pseudonymId) {
        JsonNode answer = call(
                "POST",
                "/fake/links",
                Map.of(
                        "patientId", patientId.toString(),
                        "clinicId", clinicId.toString(),
                        "pseudonymId", pseudonymId.toString()));
        if (answer != null) {
            throw new AssertionError("FakeIntake refused the link: " + answer);
        }
    }

    /**
     * intake issued the pseudonym to a patient of the clinic, and its PatientRegistered event has not reached outcomes
     * yet: a submission about them is accepted as PENDING.
     */
    public static void pseudonymIssued(UUID clinicId, UUID pseudonymId) {
        JsonNode answer = call(
                "POST",
                "/fake/pseudonyms",
                Map.of("clinicId", clinicId.toString(), "pseudonymId", pseudonymId.toString()));
        if (answer != null) {
            throw new AssertionError("FakeIntake refused the pseudonym: " + answer);
        }
    }

    public static void intakeDown() {
        call("POST", "/fake/down", List.of());
    }

    /** The feed answers 401 to every token until {@link #intakeUp()}, as intake does to a token it no longer trusts. */
    public static void intakeRefusesTokens() {
        call("POST", "/fake/refuse", List.of());
    }

    public static void intakeUp() {
        call("POST", "/fake/up", List.of());
    }

    /** Pseudonym lookups wait, unanswered, until {@link #releasePseudonymLookups()}; the feed keeps answering. */
    public static void holdPseudonymLookups() {
        call("POST", "/fake/hold-lookups", List.of());
    }

    /** How many pseudonym lookups are waiting now. */
    public static int heldPseudonymLookups() {
        return call("GET", "/fake/held-lookups", null).asInt();
    }

    public static void releasePseudonymLookups() {
        call("POST", "/fake/release-lookups", List.of());
    }

    /** What the consumer asked the feed for, oldest first: {after, limit, authorization}. */
    public static JsonNode requests() {
        return call("GET", "/fake/requests", null);
    }

    /** The link and pseudonym lookups intake was asked, oldest first: {path, traceparent}. */
    public static JsonNode lookups() {
        return call("GET", "/fake/lookups", null);
    }

    /** The lookups outcomes made of one pseudonym in one clinic, oldest first. */
    public static List<JsonNode> lookupsOf(UUID clinic, UUID pseudonym) {
        String path = "/internal/v1/intake/clinics/" + clinic + "/pseudonyms/" + pseudonym;
        List<JsonNode> found = new ArrayList<>();
        lookups().forEach(lookup -> {
            if (lookup.path("path").asText().equals(path)) {
                found.add(lookup);
            }
        });
        return found;
    }

    private static JsonNode call(String method, String path, Object body) {
        String base = ConfigProvider.getConfig().getValue("meridian.intake.url", String.class);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            request = body == null
                    ? request.GET()
                    : request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
