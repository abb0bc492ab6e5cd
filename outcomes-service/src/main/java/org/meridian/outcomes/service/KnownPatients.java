package org.meridian.outcomes.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.meridian.outcomes.persistence.ProjectedPatient;
import org.meridian.outcomes.persistence.ProjectionRepository;
import org.meridian.outcomes.persistence.ProjectionRepository.PatientStanding;
import org.meridian.platform.web.problem.ResourceNotFoundException;

/**
 * Which patients a clinic may read about. A patient is known to a clinic when intake's feed registered them there,
 * or, while the feed has not announced them at all, when the clinic has stored submissions about them (accepted
 * before the feed caught up, linkStatus PENDING or, later, EXPIRED: the clinic reads back what it submitted, nothing
 * else). Every other patient, unknown or another clinic's, is the same 404, before anything is computed.
 */
@ApplicationScoped
public class KnownPatients {

    private final ProjectionRepository projection;

    KnownPatients(ProjectionRepository projection) {
        this.projection = projection;
    }

    /**
     * The patient as intake's feed announced them in the clinic; one the feed has not announced, or announced in
     * another clinic, is the same 404 (however many submissions the clinic stored about them).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectedPatient announced(UUID clinicId, UUID pseudonymId) {
        return projection
                .patient(pseudonymId)
                .filter(patient -> patient.clinicId.equals(clinicId))
                .orElseThrow(() -> new ResourceNotFoundException("patient", pseudonymId));
    }

    public void require(UUID clinicId, UUID pseudonymId) {
        PatientStanding standing = projection.standing(clinicId, pseudonymId);
        boolean known = standing.projectedClinic().map(clinicId::equals).orElse(standing.submittedInClinic());
        if (!known) {
            throw new ResourceNotFoundException("patient", pseudonymId);
        }
    }
}
