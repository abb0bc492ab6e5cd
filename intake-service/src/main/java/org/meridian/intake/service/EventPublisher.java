package org.meridian.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.meridian.intake.domain.AgeBand;
import org.meridian.intake.domain.Clinic;
import org.meridian.intake.domain.Consent;
import org.meridian.intake.domain.Episode;
import org.meridian.intake.domain.EventPayload;
import org.meridian.intake.domain.EventPayload.AssessmentPayload;
import org.meridian.intake.domain.EventPayload.CancelledSessionPayload;
import org.meridian.intake.domain.EventPayload.ClinicPayload;
import org.meridian.intake.domain.EventPayload.ConsentPayload;
import org.meridian.intake.domain.EventPayload.EpisodePayload;
import org.meridian.intake.domain.EventPayload.PatientPayload;
import org.meridian.intake.domain.EventPayload.SessionPayload;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.persistence.OutboxRepository;

/**
 * Writes the events of docs/events.md to the outbox, inside the caller's transaction (MANDATORY: an event without its
 * change, or a change without its event, cannot happen). Payloads are the records of {@link EventPayload}, built field
 * by field from an allow-list: names, dates of birth, contact details and external identifiers are never copied into
 * them. Their JSON is the contract of the event-contract module's schemas.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventPublisher {

    /** The event types of the feed; the names are the contract. */
    public enum EventType {
        ClinicRegistered,
        PatientRegistered,
        PatientUpdated,
        IntakeAssessmentRecorded,
        ResearchConsentGiven,
        ResearchConsentWithdrawn,
        EpisodeStarted,
        EpisodeUpdated,
        EpisodeClosed,
        SessionRecorded,
        SessionCancelled
    }

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxHead head;

    EventPublisher(OutboxRepository outbox, ObjectMapper json, Clock clock, OutboxHead head) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.head = head;
    }

    /** A clinic's time zone, which outcomes needs for calendar boundaries; the only event without a patient. */
    public void clinicRegistered(Clinic clinic) {
        publish(EventType.ClinicRegistered, clinic.id, null, new ClinicPayload(clinic.id, clinic.timeZone));
    }

    public void patientRegistered(Patient patient) {
        publish(EventType.PatientRegistered, patient.clinicId, patient.pseudonymId, patientPayload(patient));
    }

    public void patientUpdated(Patient patient) {
        publish(EventType.PatientUpdated, patient.clinicId, patient.pseudonymId, patientPayload(patient));
    }

    public void intakeAssessmentRecorded(Patient patient, IntakeAssessment assessment) {
        publish(
                EventType.IntakeAssessmentRecorded,
                patient.clinicId,
                patient.pseudonymId,
                new AssessmentPayload(
                        patient.pseudonymId,
                        assessment.id,
                        assessment.painSites(),
                        assessment.chronicity,
                        assessment.painDurationMonths,
                        assessment.painFrequency,
                        assessment.redFlagPositive));
    }

    public void researchConsentGiven(Patient patient, Consent consent) {
        publish(
                EventType.ResearchConsentGiven,
                patient.clinicId,
                patient.pseudonymId,
                new ConsentPayload(patient.pseudonymId, consent.id, consent.documentVersion, consent.givenAt));
    }

    public void researchConsentWithdrawn(Patient patient, Consent consent) {
        publish(
                EventType.ResearchConsentWithdrawn,
                patient.clinicId,
                patient.pseudonymId,
                new ConsentPayload(patient.pseudonymId, consent.id, consent.documentVersion, consent.withdrawnAt));
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
        publish(
                EventType.SessionRecorded,
                patient.clinicId,
                patient.pseudonymId,
                new SessionPayload(
                        session.id, session.episodeId, patient.pseudonymId, session.sessionNumber, session.startedAt));
    }

    public void sessionCancelled(Patient patient, TreatmentSession session) {
        publish(
                EventType.SessionCancelled,
                patient.clinicId,
                patient.pseudonymId,
                new CancelledSessionPayload(
                        session.id,
                        session.episodeId,
                        patient.pseudonymId,
                        session.sessionNumber,
                        session.startedAt,
                        session.cancelReason));
    }

    private PatientPayload patientPayload(Patient patient) {
        LocalDate today = LocalDate.now(clock);
        boolean yearIsSafe = AgeBand.age(patient.dateOfBirth, today) < AgeBand.AGE_WITHOUT_BIRTH_YEAR;
        return new PatientPayload(
                patient.pseudonymId,
                patient.clinicId,
                yearIsSafe ? patient.dateOfBirth.getYear() : null,
                AgeBand.of(patient.dateOfBirth, today),
                patient.sex);
    }

    private static EpisodePayload episodePayload(Patient patient, Episode episode) {
        return new EpisodePayload(
                episode.id,
                patient.pseudonymId,
                episode.startDate,
                episode.plannedSessions,
                episode.status,
                episode.closedReason);
    }

    private void publish(EventType type, UUID clinicId, UUID pseudonymId, EventPayload payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the payload of " + type, e);
        }
        UUID eventId = UUID.randomUUID();
        long position = outbox.append(eventId, type.name(), clinicId, pseudonymId, clock.instant(), body);
        head.appendedInThisTransaction(position);
        Log.debugf("Outbox event %s %s at position %d", type, eventId, position);
    }
}
