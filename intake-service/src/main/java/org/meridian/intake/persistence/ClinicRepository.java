package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.meridian.intake.domain.Clinic;

@ApplicationScoped
public class ClinicRepository implements PanacheRepositoryBase<Clinic, UUID> {

    /** Stable order: creation time, then id, so pages never skip or repeat a clinic. */
    private static final Sort STABLE_ORDER = Sort.by("createdAt").and("id");

    public List<Clinic> listPage(int page, int size) {
        return findAll(STABLE_ORDER).page(Page.of(page, size)).list();
    }
}
