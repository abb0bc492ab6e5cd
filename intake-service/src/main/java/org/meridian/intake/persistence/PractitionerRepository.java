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

    /**
     * One page of the clinic's practitioners matching every filter given (a null filter is no filter): the given or
     * family name, or both as "given family", contains {@code name} ignoring case; the licence number is exactly
     * {@code licenceNumber}; the practitioner is active or not. Filtered and counted in the database.
     */
    public Search search(UUID clinicId, Filter filter, int page, int size) {
        StringBuilder query = new StringBuilder("clinicId = :clinicId");
        Parameters parameters = Parameters.with("clinicId", clinicId);
        if (filter.name() != null) {
            query.append(" and (lower(givenName) like :name escape '\\' or lower(familyName) like :name escape '\\'"
                    + " or lower(concat(givenName, ' ', familyName)) like :name escape '\\')");
            parameters.and("name", LikePatterns.containing(filter.name()));
        }
        if (filter.licenceNumber() != null) {
            query.append(" and licenceNumber = :licence");
            parameters.and("licence", filter.licenceNumber());
        }
        if (filter.active() != null) {
            query.append(" and active = :active");
            parameters.and("active", filter.active());
        }
        String where = query.toString();
        List<Practitioner> items =
                find(where, STABLE_ORDER, parameters).page(Page.of(page, size)).list();
        return new Search(items, count(where, parameters));
    }

    public record Filter(String name, String licenceNumber, Boolean active) {}

    public record Search(List<Practitioner> items, long totalItems) {}

    public boolean licenceTaken(UUID clinicId, String licenceNumber, UUID exceptId) {
        return count(
                        "clinicId = :clinicId and licenceNumber = :licence and id <> :exceptId",
                        Parameters.with("clinicId", clinicId)
                                .and("licence", licenceNumber)
                                .and("exceptId", exceptId))
                > 0;
    }
}
