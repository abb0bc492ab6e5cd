package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Practitioner;

/** Every query is scoped to one clinic: another clinic's practitioner is simply not found. */
@ApplicationScoped
public class PractitionerRepository implements PanacheRepositoryBase<Practitioner, UUID> {

    private static final Sort STABLE_ORDER = Sort.by("createdAt").and("id");

    public Optional<Practitioner> findInClinic(UUID clinicId, UUID id) {
        return find(
                        "id = :id and clinicId = :clinicId",
                        Parameters.with("id", id).and("clinicId", clinicId))
                .firstResultOptional();
    }

    public List<Practitioner> listPage(UUID clinicId, int page, int size) {
        return find("clinicId", STABLE_ORDER, clinicId)
                .page(Page.of(page, size))
                .list();
    }

    public long countInClinic(UUID clinicId) {
        return count("clinicId", clinicId);
    }

    public boolean licenceTaken(UUID clinicId, String licenceNumber, UUID exceptId) {
        return count(
                        "clinicId = :clinicId and licenceNumber = :licence and id <> :exceptId",
                        Parameters.with("clinicId", clinicId)
                                .and("licence", licenceNumber)
                                .and("exceptId", exceptId))
                > 0;
    }
}
