package org.meridian.platform.fhir.smart;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.security.Caller;

/**
 * Whose data this FHIR request may touch: the caller's clinic, narrowed to one patient for a patient (their own record)
 * and for a request that only a patient-level SMART scope allows (the patient in the launch context). Decided by
 * {@link SmartScopeFilter} before the resource runs.
 */
@RequestScoped
public class FhirAccess {

    @Inject
    Caller caller;

    @Inject
    PatientContext patientContext;

    private ScopeContext grant = ScopeContext.USER;

    void granted(ScopeContext context) {
        this.grant = context;
    }

    /**
     * The scope of this request's queries. {@code patientClaim} is the claim the service knows a signed-in patient by
     * ({@link Caller#PATIENT_CLAIM} in intake, {@link Caller#PSEUDONYM_CLAIM} in outcomes).
     */
    public FhirScope scope(String patientClaim) {
        UUID clinic = caller.clinicId()
                .orElseThrow(() -> FhirFailures.of(
                        403,
                        IssueType.FORBIDDEN,
                        "The access token names no clinic (clinic_id), so there are no patients to see"));
        if (caller.isPatientOnly()) {
            UUID own = caller.uuidClaim(patientClaim)
                    .orElseThrow(() -> FhirFailures.of(
                            403,
                            IssueType.FORBIDDEN,
                            "A patient's access token must name who they are (" + patientClaim + ")"));
            return new FhirScope(clinic, Optional.of(own));
        }
        if (grant == ScopeContext.PATIENT) {
            UUID inContext = patientContext
                    .patient(caller)
                    .orElseThrow(() -> FhirFailures.of(
                            403,
                            IssueType.FORBIDDEN,
                            "Only a patient-level scope allows this request, and the access token names no patient in"
                                    + " context (claim " + PatientContext.CLAIM + ", from launch/patient or an EHR"
                                    + " launch)"));
            return new FhirScope(clinic, Optional.of(inContext));
        }
        return new FhirScope(clinic, Optional.empty());
    }
}
