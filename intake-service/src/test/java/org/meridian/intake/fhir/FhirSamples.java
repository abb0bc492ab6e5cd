package org.meridian.intake.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.meridian.intake.domain.AcupunctureStyle;
import org.meridian.intake.domain.AdverseEvent;
import org.meridian.intake.domain.AdverseEventType;
import org.meridian.intake.domain.Chronicity;
import org.meridian.intake.domain.CoIntervention;
import org.meridian.intake.domain.CoInterventionType;
import org.meridian.intake.domain.IdentifierType;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.NeedleMaterial;
import org.meridian.intake.domain.NeedleSide;
import org.meridian.intake.domain.NeedledPoint;
import org.meridian.intake.domain.PainFrequency;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.PatientIdentifier;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.domain.Profession;
import org.meridian.intake.domain.SciaticaSide;
import org.meridian.intake.domain.SessionCancelReason;
import org.meridian.intake.domain.SessionStatus;
import org.meridian.intake.domain.Severity;
import org.meridian.intake.domain.Sex;
import org.meridian.intake.domain.Stimulation;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.domain.WorkStatus;

/** Intake records as the database would hold them, for mapping and validation tests without a running service. */
final class FhirSamples {

    static final UUID CLINIC = UUID.fromString("7f3c1a52-3d0e-4c8e-9a3b-2f1d5e6a7b01");
    static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

    private FhirSamples() {}

    static Patient patient(Sex sex) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.clinicId = CLINIC;
        patient.pseudonymId = UUID.randomUUID();
        patient.givenName = "Alice";
        patient.familyName = "Nguyen";
        patient.dateOfBirth = LocalDate.of(1972, 4, 18);
        patient.sex = sex;
        patient.email = "alice@mail.example";
        patient.phone = "+44 7700 900123";
        for (IdentifierType type : IdentifierType.values()) {
            patient.identifiers.add(new PatientIdentifier(
                    CLINIC, type, "https://ehr.example/" + type.name().toLowerCase(), type.name() + "-0048213"));
        }
        patient.createdAt = NOW;
        patient.updatedAt = NOW;
        patient.version = 2;
        return patient;
    }

    static Practitioner practitioner() {
        Practitioner practitioner = new Practitioner();
        practitioner.id = UUID.randomUUID();
        practitioner.clinicId = CLINIC;
        practitioner.givenName = "Mei";
        practitioner.familyName = "Lin";
        practitioner.licenceNumber = "LIC-1";
        practitioner.profession = Profession.values()[0];
        practitioner.active = true;
        return practitioner;
    }

    static TreatmentSession session(UUID patientId, UUID practitionerId, Stimulation stimulation) {
        TreatmentSession session = new TreatmentSession();
        session.id = UUID.randomUUID();
        session.clinicId = CLINIC;
        session.episodeId = UUID.randomUUID();
        session.patientId = patientId;
        session.sessionNumber = 3;
        session.status = SessionStatus.RECORDED;
        session.startedAt = NOW.minusSeconds(3600);
        session.practitionerId = practitionerId;
        session.style = AcupunctureStyle.TRADITIONAL_CHINESE;
        session.points = List.of(
                new NeedledPoint("BL23", NeedleSide.BILATERAL, 25),
                new NeedledPoint("GV4", NeedleSide.MIDLINE, 15),
                new NeedledPoint("GB30", NeedleSide.LEFT, 60),
                new NeedledPoint("EX-B2", NeedleSide.BILATERAL, 20));
        session.needleCount = 8;
        session.deQiElicited = true;
        session.stimulation = stimulation;
        session.electroFrequencyHz = stimulation == Stimulation.ELECTRO ? 2 : null;
        session.retentionMinutes = 20;
        session.needleType.diameterMm = new BigDecimal("0.25");
        session.needleType.lengthMm = 40;
        session.needleType.material = NeedleMaterial.STAINLESS_STEEL;
        session.needleType.manufacturer = "Seirin";
        session.coInterventions = List.of(
                new CoIntervention(CoInterventionType.CUPPING, "Fire cupping, 5 minutes"),
                new CoIntervention(CoInterventionType.HEAT, null));
        session.notes = "Patient relaxed";
        session.createdAt = NOW;
        session.updatedAt = NOW;
        return session;
    }

    static TreatmentSession cancelled(TreatmentSession session, SessionCancelReason reason) {
        session.status = SessionStatus.CANCELLED;
        session.cancelledAt = NOW;
        session.cancelReason = reason;
        session.cancelNote = "Called in sick";
        return session;
    }

    static IntakeAssessment assessment(UUID patientId, boolean redFlag, boolean withOnset) {
        IntakeAssessment assessment = new IntakeAssessment();
        assessment.id = UUID.randomUUID();
        assessment.clinicId = CLINIC;
        assessment.patientId = patientId;
        assessment.assessedOn = LocalDate.of(2026, 11, 20);
        assessment.assessedBy = UUID.randomUUID();
        assessment.lowBack = true;
        assessment.upperBack = true;
        assessment.sciaticaSide = SciaticaSide.LEFT;
        assessment.onsetDate = withOnset ? LocalDate.of(2026, 2, 1) : null;
        assessment.painDurationMonths = 9;
        assessment.painFrequency = PainFrequency.EVERY_DAY_OR_NEARLY_EVERY_DAY;
        assessment.chronicity = Chronicity.CHRONIC;
        assessment.redFlags.historyOfCancer = redFlag;
        assessment.redFlagPositive = redFlag;
        assessment.workStatus = WorkStatus.values()[0];
        assessment.recordedAt = NOW;
        assessment.updatedAt = NOW;
        return assessment;
    }

    static AdverseEvent adverseEvent(UUID sessionId, boolean serious, Severity severity, AdverseEventType type) {
        AdverseEvent event = new AdverseEvent();
        event.id = UUID.randomUUID();
        event.clinicId = CLINIC;
        event.sessionId = sessionId;
        event.type = type;
        event.severity = severity;
        event.serious = serious;
        event.description = "Small bruise at GB30";
        event.actionTaken = "Cold compress";
        event.recordedAt = NOW;
        return event;
    }
}
