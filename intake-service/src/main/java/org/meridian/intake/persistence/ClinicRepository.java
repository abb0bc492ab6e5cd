package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.meridian.intake.domain.Clinic;

@ApplicationScoped
public class ClinicRepository implements PanacheRepositoryBase<Clinic, UUID> {

    /** Stable order: creation time, then id, so pages never skip or repeat a clinic. */
    private static final Sort STABLE_ORDER = Sort.by("createdAt").and("id");

    /**
     * One page of the clinics matching every filter given (a null filter is no filter): the name contains
     * {@code name} ignoring case, the registration number is exactly {@code registrationNumber}, the clinic is active or
     * not. Filtered and counted in the database.
     */
    public Search search(Filter filter, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.name() != null) {
            query.append(" and lower(name) like :name escape '\\'");
            parameters.and("name", LikePatterns.containing(filter.name()));
        }
        if (filter.registrationNumber() != null) {
            query.append(" and registrationNumber = :registration");
            parameters.and("registration", filter.registrationNumber());
        }
        if (filter.active() != null) {
            query.append(" and active = :active");
            parameters.and("active", filter.active());
        }
        String where = query.toString();
        List<Clinic> items =
                find(where, STABLE_ORDER, parameters).page(Page.of(page, size)).list();
        return new Search(items, count(where, parameters));
    }

    public record Filter(String name, String registrationNumber, Boolean active) {}

    public record Search(List<Clinic> items, long totalItems) {}
}
