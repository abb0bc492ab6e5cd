package org.meridian.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.meridian.intake.domain.AgeBand;
import org.meridian.intake.domain.Clinic;
import org.meridian.intake.domain.Consent;
import org.meridian.intake.domain.Episode;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.persistence.OutboxRepository;

/**
 * Writes the events of docs/events.md to the outbox, inside the caller's transaction (MANDATORY: an event without its
 * change, or a change without its event, cannot happen). Payloads are built field by field from an allow-list: names,
 * dates of birth, contact details and external identifiers are never copied into them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventPublisher {

    /** The event types of the feed; the names are the contract. */
    public enum EventType {
        ClinicRegistered, PatientRegistered, PatientUpdated, IntakeAssessmentRecorded, ResearchConsentGiven, ResearchConsentWithdrawn,
        EpisodeStarted, EpisodeUpdated, EpisodeClosed, SessionRecorded, SessionCancelled
    }

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock;

    EventPublisher(OutboxRepository outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** A clinic's time zone, which outcomes needs for calendar boundaries; the only event without a patient. */
    public void clinicRegistered(Clinic clinic) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clinicId", clinic.id);
        payload.put("timeZone", clinic.timeZone);
        publish(EventType.ClinicRegistered, clinic.id, null, payload);
    }

    public void patientRegistered(Patient patient) {
        publish(EventType.PatientRegistered, patient.clinicId, patient.pseudonymId, patientPayload(patient));
    }

    public void patientUpdated(Patient patient) {
        publish(EventType.PatientUpdated, patient.clinicId, patient.pseudonymId, patientPayload(patient));
    }

    public void intakeAssessmentRecorded(Patient patient, IntakeAssessment assessment) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("pseudonymId", patient.pseudonymId);
        payload.put("assessmentId", assessment.id);
        payload.put("painSites", assessment.painSites());
        payload.put("chronicity", assessment.chronicity);
        payload.put("painDurationMonths", assessment.painDurationMonths);
        payload.put("painFrequency", assessment.painFrequency);
        payload.put("redFlagPositive", assessment.redFlagPositive);
        publish(EventType.IntakeAssessmentRecorded, patient.clinicId, patient.pseudonymId, payload);
    }

    public void researchConsentGiven(Patient patient, Consent consent) {
        publish(EventType.ResearchConsentGiven, patient.clinicId, patient.pseudonymId,
                consentPayload(patient, consent, consent.givenAt));
    }

    public void researchConsentWithdrawn(Patient patient, Consent consent) {
        publish(EventType.ResearchConsentWithdrawn, patient.clinicId, patient.pseudonymId,
                consentPayload(patient, consent, consent.withdrawnAt));
    }

    public void episodeStarted(Patient patient, Episode episode) {
        publish(EventType.EpisodeStarted, patient.clinicId, patient.pseudonymId, episodePayload(patient, episode));
    }

    public void episodeUpdated(Patient patient, Episode episode) {
        publish(EventType.EpisodeUpdated, patient.clinicId, patient.pseudonymId, episodePayload(patient, episode));
    }

    public void episodeClosed(Patient patient, Episode episode) {
        publish(EventType.EpisodeClosed, patient.clinicId, patient.pseudonymId, episodePayload(patient, episode));
    }

    public void sessionRecorded(Patient patient, TreatmentSession session) {
        publish(EventType.SessionRecorded, patient.clinicId, patient.pseudonymId, sessionPayload(patient, session));
    }

    public void sessionCancelled(Patient patient, TreatmentSession session) {
        Map<String, Object> payload = sessionPayload(patient, session);
        payload.put("cancelReason", session.cancelReason);
        publish(EventType.SessionCancelled, patient.clinicId, patient.pseudonymId, payload);
    }

    private Map<String, Object> patientPayload(Patient patient) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("pseudonymId", patient.pseudonymId);
        payload.put("clinicId", patient.clinicId);
        boolean yearIsSafe = AgeBand.age(patient.dateOfBirth, today) < AgeBand.AGE_WITHOUT_BIRTH_YEAR;
        payload.put("birthYear", yearIsSafe ? patient.dateOfBirth.getYear() : null);
        payload.put("ageBand", AgeBand.of(patient.dateOfBirth, today));
        payload.put("sex", patient.sex);
        return payload;
    }

    private static Map<String, Object> consentPayload(Patient patient, Consent consent, Instant effectiveAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("pseudonymId", patient.pseudonymId);
        payload.put("consentId", consent.id);
        payload.put("consentVersion", consent.documentVersion);
        payload.put("effectiveAt", effectiveAt.toString());
        return payload;
    }

    private static Map<String, Object> episodePayload(Patient patient, Episode episode) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("episodeId", episode.id);
        payload.put("pseudonymId", patient.pseudonymId);
        payload.put("startDate", episode.startDate.toString());
        payload.put("plannedSessions", episode.plannedSessions);
        payload.put("status", episode.status);
        payload.put("closedReason", episode.closedReason);
        return payload;
    }

    private static Map<String, Object> sessionPayload(Patient patient, TreatmentSession session) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sessionId", session.id);
        payload.put("episodeId", session.episodeId);
        payload.put("pseudonymId", patient.pseudonymId);
        payload.put("sessionNumber", session.sessionNumber);
        payload.put("startedAt", session.startedAt.toString());
        return payload;
    }

    private void publish(EventType type, UUID clinicId, UUID pseudonymId, Map<String, Object> payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the payload of " + type, e);
        }
        UUID eventId = UUID.randomUUID();
        long position = outbox.append(eventId, type.name(), clinicId, pseudonymId, clock.instant(), body);
        Log.debugf("Outbox event %s %s at position %d", type, eventId, position);
    }
}
