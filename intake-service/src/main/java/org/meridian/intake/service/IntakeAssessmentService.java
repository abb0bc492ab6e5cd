package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.meridian.intake.domain.AnalgesicUse;
import org.meridian.intake.domain.ChronicityClassifier;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.NcdEligibility;
import org.meridian.intake.domain.PainFrequency;
import org.meridian.intake.domain.PainSite;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.PriorTreatment;
import org.meridian.intake.domain.RedFlags;
import org.meridian.intake.domain.WorkStatus;
import org.meridian.intake.persistence.IntakeAssessmentRepository;
import org.meridian.intake.rest.problem.ProblemType;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.ResourceNotFoundException;
import org.meridian.platform.web.problem.UnprocessableException;

/**
 * The back-pain history at the first visit: classifies chronicity (NIH Task Force) and eligibility under US Medicare
 * NCD 30.3.3, and screens for red flags.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IntakeAssessmentService {

    private final IntakeAssessmentRepository assessments;
    private final Lookups lookups;
    private final Attribution attribution;
    private final EventPublisher events;
    private final Clock clock;

    IntakeAssessmentService(
            IntakeAssessmentRepository assessments,
            Lookups lookups,
            Attribution attribution,
            EventPublisher events,
            Clock clock) {
        this.assessments = assessments;
        this.lookups = lookups;
        this.attribution = attribution;
        this.events = events;
        this.clock = clock;
    }

    public IntakeAssessment record(UUID clinicId, UUID patientId, AssessmentDraft draft) {
        Patient patient = lookups.patient(clinicId, patientId);
        UUID assessedBy = attribution.performer(clinicId, draft.assessedBy(), "assessedBy");
        if (draft.onsetDate() != null && draft.onsetDate().isBefore(patient.dateOfBirth)) {
            throw new UnprocessableException(
                    "onsetDate", ErrorCode.INCONSISTENT, "must not be before the patient's date of birth");
        }
        IntakeAssessment assessment = new IntakeAssessment();
        assessment.id = UUID.randomUUID();
        assessment.clinicId = clinicId;
        assessment.patientId = patientId;
        assessment.assessedOn = draft.assessedOn();
        assessment.assessedBy = assessedBy;
        assessment.enteredBy = attribution.caller(clinicId);
        assessment.setPainSites(draft.painSites());
        assessment.onsetDate = draft.onsetDate();
        assessment.painDurationMonths = draft.onsetDate() != null
                ? ChronicityClassifier.durationMonths(draft.onsetDate(), draft.assessedOn())
                : draft.painDurationMonths();
        assessment.painDurationDays =
                draft.onsetDate() != null ? (int) ChronoUnit.DAYS.between(draft.onsetDate(), draft.assessedOn()) : null;
        assessment.painFrequency = draft.painFrequency();
        assessment.chronicity =
                ChronicityClassifier.classify(draft.painSites(), assessment.painDurationMonths, draft.painFrequency());
        assessment.identifiableSystemicCause = draft.identifiableSystemicCause();
        assessment.associatedWithSurgery = draft.associatedWithSurgery();
        assessment.associatedWithPregnancy = draft.associatedWithPregnancy();
        assessment.setNcd(NcdEligibility.assess(
                assessment.lowBack,
                assessment.painDurationDays,
                assessment.painDurationMonths,
                draft.identifiableSystemicCause(),
                draft.associatedWithSurgery(),
                draft.associatedWithPregnancy()));
        assessment.redFlags = draft.redFlags();
        assessment.redFlagPositive = draft.redFlags().anyPositive();
        assessment.analgesics.addAll(draft.analgesics());
        assessment.priorTreatments.addAll(draft.priorTreatments());
        assessment.workStatus = draft.workStatus();
        assessment.notes = draft.notes();
        assessment.recordedAt = clock.instant();
        assessment.updatedAt = assessment.recordedAt;
        assessments.persist(assessment);
        events.intakeAssessmentRecorded(patient, assessment);
        if (assessment.redFlagPositive) {
            Log.warnf(
                    "Intake assessment %s of patient %s has a positive red flag: refer before needling",
                    assessment.id, patientId);
        }
        return assessment;
    }

    /**
     * The calling practitioner has reviewed the red flags (and referred or cleared the patient): needling may go
     * ahead. A safety decision, so it is always recorded as the caller's.
     */
    public IntakeAssessment acknowledgeRedFlags(
            UUID clinicId, UUID patientId, UUID assessmentId, Long expectedVersion, AcknowledgementDraft draft) {
        lookups.patient(clinicId, patientId);
        IntakeAssessment assessment = assessments
                .findOfPatient(clinicId, patientId, assessmentId)
                .orElseThrow(() -> new ResourceNotFoundException("intake assessment", assessmentId));
        Versions.check("intake assessment", expectedVersion, assessment.version);
        if (!assessment.redFlagPositive) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE, "This intake assessment has no positive red flag to acknowledge");
        }
        if (assessment.redFlagAcknowledgedAt != null) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE, "The red flags of this intake assessment were already acknowledged");
        }
        assessment.redFlagAcknowledgedBy =
                attribution.callerPractitioner(clinicId, draft.practitionerId(), "practitionerId");
        assessment.redFlagAcknowledgedAt = clock.instant();
        assessment.redFlagAcknowledgementNote = draft.note();
        assessment.updatedAt = assessment.redFlagAcknowledgedAt;
        assessments.flush();
        Log.infof(
                "Red flags of intake assessment %s acknowledged by practitioner %s",
                assessmentId, assessment.redFlagAcknowledgedBy);
        return assessment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IntakeAssessment> find(UUID clinicId, UUID patientId, UUID id) {
        return assessments.findOfPatient(clinicId, patientId, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<IntakeAssessment> list(UUID clinicId, UUID patientId, int page, int size) {
        lookups.patient(clinicId, patientId);
        return new PageOf<>(
                assessments.listPage(clinicId, patientId, page, size),
                page,
                size,
                assessments.countOfPatient(clinicId, patientId));
    }

    /**
     * Either {@code onsetDate} or {@code painDurationMonths} is given (validated at the boundary); {@code assessedBy}
     * may be null (the caller).
     */
    public record AssessmentDraft(
            LocalDate assessedOn,
            UUID assessedBy,
            Set<PainSite> painSites,
            LocalDate onsetDate,
            Integer painDurationMonths,
            PainFrequency painFrequency,
            Boolean identifiableSystemicCause,
            Boolean associatedWithSurgery,
            Boolean associatedWithPregnancy,
            RedFlags redFlags,
            List<AnalgesicUse> analgesics,
            Set<PriorTreatment> priorTreatments,
            WorkStatus workStatus,
            String notes) {}

    /** {@code practitionerId} is optional; when given it must be the caller. */
    public record AcknowledgementDraft(UUID practitionerId, String note) {}
}
