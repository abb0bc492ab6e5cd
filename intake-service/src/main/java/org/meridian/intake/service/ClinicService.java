package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Clinic;
import org.meridian.intake.persistence.ClinicRepository;
import org.meridian.platform.paging.PageOf;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ClinicService {

    private final ClinicRepository clinics;
    private final EventPublisher events;
    private final Clock clock;

    ClinicService(ClinicRepository clinics, EventPublisher events, Clock clock) {
        this.clinics = clinics;
        this.events = events;
        this.clock = clock;
    }

    public Clinic register(ClinicDraft draft) {
        Instant now = clock.instant();
        Clinic clinic = new Clinic();
        clinic.id = UUID.randomUUID();
        clinic.name = draft.name().strip();
        clinic.registrationNumber = draft.registrationNumber();
        clinic.contactEmail = draft.contactEmail();
        clinic.contactPhone = draft.contactPhone();
        clinic.timeZone = draft.timeZone();
        clinic.active = true;
        clinic.createdAt = now;
        clinic.updatedAt = now;
        clinics.persist(clinic);
        events.clinicRegistered(clinic);
        Log.infof("Registered clinic %s", clinic.id);
        return clinic;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Clinic> find(UUID id) {
        return clinics.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Clinic> list(String name, String registrationNumber, Boolean active, int page, int size) {
        ClinicRepository.Search result =
                clinics.search(new ClinicRepository.Filter(name, registrationNumber, active), page, size);
        return new PageOf<>(result.items(), page, size, result.totalItems());
    }

    /** What a caller supplies to register a clinic, already validated at the boundary. */
    public record ClinicDraft(
            String name, String registrationNumber, String contactEmail, String contactPhone, String timeZone) {}
}
