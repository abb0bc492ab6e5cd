package org.meridian.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Scripts intake's feed in {@link FakeIntake}: builds events as intake publishes them and appends them. */
public final class IntakeScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Map<String, Object>> events = new ArrayList<>();

    public static IntakeScript events() {
        return new IntakeScript();
    }

    public IntakeScript clinicRegistered(UUID clinicId, String timeZone) {
        return add("ClinicRegistered", clinicId, null, Map.of("clinicId", clinicId.toString(), "timeZone", timeZone));
    }

    public IntakeScript patientRegistered(UUID clinicId, UUID pseudonymId) {
        return add("PatientRegistered", clinicId, pseudonymId, Map.of("pseudonymId", pseudonymId.toString(),
                "clinicId", clinicId.toString(), "birthYear", 1971, "ageBand", "50-59", "sex", "FEMALE"));
    }

    public IntakeScript intakeAssessment(UUID clinicId, UUID pseudonymId) {
        return add("IntakeAssessmentRecorded", clinicId, pseudonymId, Map.of("pseudonymId", pseudonymId.toString(),
                "painSites", List.of("LOW_BACK", "SCIATICA_LEFT"), "chronicity", "CHRONIC", "painDurationMonths", 14,
                "redFlagPositive", false));
    }

    public IntakeScript consent(UUID clinicId, UUID pseudonymId, boolean given) {
        return add(given ? "ResearchConsentGiven" : "ResearchConsentWithdrawn", clinicId, pseudonymId,
                Map.of("pseudonymId", pseudonymId.toString(), "consentVersion", "2026-01",
                        "effectiveAt", "2026-10-01T08:00:00Z"));
    }

    public IntakeScript episodeStarted(UUID clinicId, UUID pseudonymId, UUID episodeId, LocalDate start) {
        return add("EpisodeStarted", clinicId, pseudonymId, Map.of("episodeId", episodeId.toString(),
                "pseudonymId", pseudonymId.toString(), "startDate", start.toString(), "plannedSessions", 10,
                "status", "ACTIVE"));
    }

    public IntakeScript sessionRecorded(UUID clinicId, UUID pseudonymId, UUID episodeId, UUID sessionId, int number,
            Instant startedAt) {
        return add("SessionRecorded", clinicId, pseudonymId, Map.of("sessionId", sessionId.toString(),
                "episodeId", episodeId.toString(), "pseudonymId", pseudonymId.toString(), "sessionNumber", number,
                "startedAt", startedAt.toString()));
    }

    public IntakeScript sessionCancelled(UUID clinicId, UUID pseudonymId, UUID episodeId, UUID sessionId, int number) {
        return add("SessionCancelled", clinicId, pseudonymId, Map.of("sessionId", sessionId.toString(),
                "episodeId", episodeId.toString(), "pseudonymId", pseudonymId.toString(), "sessionNumber", number));
    }

    public IntakeScript add(String type, UUID clinicId, UUID pseudonymId, Map<String, Object> payload) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put("clinicId", clinicId.toString());
        event.put("pseudonymId", pseudonymId == null ? null : pseudonymId.toString());
        event.put("payload", payload);
        events.add(event);
        return this;
    }

    /** Appends the events to the fake feed; returns their positions. */
    public List<Long> publish() {
        JsonNode positions = call("POST", "/fake/events", events);
        List<Long> result = new ArrayList<>();
        positions.forEach(position -> result.add(position.asLong()));
        return result;
    }

    public static void intakeDown() {
        call("POST", "/fake/down", List.of());
    }

    public static void intakeUp() {
        call("POST", "/fake/up", List.of());
    }

    /** What the consumer asked the feed for, oldest first: {after, limit, token}. */
    public static JsonNode requests() {
        return call("GET", "/fake/requests", null);
    }

    private static JsonNode call(String method, String path, Object body) {
        String base = ConfigProvider.getConfig().getValue("meridian.intake.url", String.class);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            request = body == null ? request.GET()
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
