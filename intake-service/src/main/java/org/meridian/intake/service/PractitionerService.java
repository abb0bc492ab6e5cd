package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.domain.Profession;
import org.meridian.intake.persistence.PractitionerRepository;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.CommonProblem;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PractitionerService {

    private final PractitionerRepository practitioners;
    private final Lookups lookups;
    private final Clock clock;

    PractitionerService(PractitionerRepository practitioners, Lookups lookups, Clock clock) {
        this.practitioners = practitioners;
        this.lookups = lookups;
        this.clock = clock;
    }

    public Practitioner register(UUID clinicId, PractitionerDraft draft) {
        lookups.clinic(clinicId);
        Practitioner practitioner = new Practitioner();
        practitioner.id = UUID.randomUUID();
        practitioner.clinicId = clinicId;
        practitioner.createdAt = clock.instant();
        apply(practitioner, draft);
        practitioners.persist(practitioner);
        Log.infof("Registered practitioner %s in clinic %s", practitioner.id, clinicId);
        return practitioner;
    }

    public Practitioner update(UUID clinicId, UUID id, long expectedVersion, PractitionerDraft draft) {
        Practitioner practitioner = practitioners
                .findInClinic(clinicId, id)
                .orElseThrow(() -> new ResourceNotFoundException("practitioner", id));
        Versions.check("practitioner", expectedVersion, practitioner.version);
        apply(practitioner, draft);
        practitioners.flush();
        return practitioner;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Practitioner> find(UUID clinicId, UUID id) {
        return practitioners.findInClinic(clinicId, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Practitioner> list(
            UUID clinicId, String name, String licenceNumber, Boolean active, int page, int size) {
        lookups.clinic(clinicId);
        PractitionerRepository.Search result = practitioners.search(
                clinicId, new PractitionerRepository.Filter(name, licenceNumber, active), page, size);
        return new PageOf<>(result.items(), page, size, result.totalItems());
    }

    private void apply(Practitioner practitioner, PractitionerDraft draft) {
        if (practitioners.licenceTaken(practitioner.clinicId, draft.licenceNumber(), practitioner.id)) {
            throw new ConflictException(
                    CommonProblem.CONFLICT,
                    "Another practitioner of this clinic has licence number " + draft.licenceNumber(),
                    "licenceNumber",
                    ErrorCode.NOT_UNIQUE);
        }
        practitioner.givenName = draft.givenName();
        practitioner.familyName = draft.familyName();
        practitioner.licenceNumber = draft.licenceNumber();
        practitioner.profession = draft.profession();
        practitioner.qualifications = draft.qualifications();
        practitioner.yearsInAcupuncturePractice = draft.yearsInAcupuncturePractice();
        practitioner.active = draft.active();
        practitioner.updatedAt = clock.instant();
    }

    /** What a caller supplies to register or update a practitioner, already validated at the boundary. */
    public record PractitionerDraft(
            String givenName,
            String familyName,
            String licenceNumber,
            Profession profession,
            String qualifications,
            Integer yearsInAcupuncturePractice,
            boolean active) {}
}
