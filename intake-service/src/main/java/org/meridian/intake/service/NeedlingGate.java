package org.meridian.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.meridian.intake.domain.ConsentKind;
import org.meridian.intake.persistence.ConsentRepository;
import org.meridian.intake.persistence.IntakeAssessmentRepository;
import org.meridian.intake.rest.problem.ProblemType;
import org.meridian.platform.web.problem.ConflictException;

/**
 * The safety checks before a course of needling starts or a session is recorded: the patient was screened at intake,
 * no positive red flag awaits a practitioner's acknowledgement ("refer before needling"), and the patient currently
 * consents to treatment.
 */
@ApplicationScoped
class NeedlingGate {

    private final IntakeAssessmentRepository assessments;
    private final ConsentRepository consents;

    NeedlingGate(IntakeAssessmentRepository assessments, ConsentRepository consents) {
        this.assessments = assessments;
        this.consents = consents;
    }

    void requireClearedForNeedling(UUID clinicId, UUID patientId) {
        if (assessments.countOfPatient(clinicId, patientId) == 0) {
            throw new ConflictException(
                    ProblemType.INTAKE_ASSESSMENT_REQUIRED,
                    "Record an intake assessment with red-flag screening before starting care");
        }
        if (assessments.hasUnacknowledgedRedFlag(clinicId, patientId)) {
            throw new ConflictException(
                    ProblemType.REFER_BEFORE_NEEDLING,
                    "The patient has a positive red flag: refer before needling; a practitioner must acknowledge the"
                            + " red flags of the intake assessment first");
        }
        if (consents.current(clinicId, patientId, ConsentKind.TREATMENT).isEmpty()) {
            throw new ConflictException(
                    ProblemType.TREATMENT_CONSENT_REQUIRED, "The patient has no current consent to treatment");
        }
    }
}
