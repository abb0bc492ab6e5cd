package org.meridian.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.meridian.intake.domain.Clinic;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.persistence.ClinicRepository;
import org.meridian.intake.persistence.PatientRepository;
import org.meridian.intake.persistence.PractitionerRepository;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.ResourceNotFoundException;
import org.meridian.platform.web.problem.UnprocessableException;

/**
 * Finds the objects a request names, always within the clinic of the path. An object of another clinic is "not
 * found" (404) when it is part of the path, and an unknown reference (422 naming the field) when it is in the body.
 */
@ApplicationScoped
class Lookups {

    private final ClinicRepository clinics;
    private final PatientRepository patients;
    private final PractitionerRepository practitioners;

    Lookups(ClinicRepository clinics, PatientRepository patients, PractitionerRepository practitioners) {
        this.clinics = clinics;
        this.patients = patients;
        this.practitioners = practitioners;
    }

    Clinic clinic(UUID clinicId) {
        return clinics.findByIdOptional(clinicId).orElseThrow(() -> new ResourceNotFoundException("clinic", clinicId));
    }

    Patient patient(UUID clinicId, UUID patientId) {
        return patients.findInClinic(clinicId, patientId)
                .orElseThrow(() -> new ResourceNotFoundException("patient", patientId));
    }

    /** A practitioner named in a request body: must exist in this clinic and be active. */
    Practitioner activePractitioner(UUID clinicId, UUID practitionerId, String field) {
        Practitioner practitioner = practitioners
                .findInClinic(clinicId, practitionerId)
                .orElseThrow(() -> new UnprocessableException(
                        field, ErrorCode.NOT_FOUND, "no practitioner with this id in this clinic"));
        if (!practitioner.active) {
            throw new UnprocessableException(field, ErrorCode.INACTIVE, "the practitioner is not active");
        }
        return practitioner;
    }
}
