package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.AdverseEvent;

@ApplicationScoped
public class AdverseEventRepository implements PanacheRepositoryBase<AdverseEvent, UUID> {

    private static final Sort STABLE_ORDER = Sort.by("recordedAt").and("id");
    private static final String OF_SESSION = "clinicId = :clinicId and sessionId = :sessionId";

    public Optional<AdverseEvent> findOfSession(UUID clinicId, UUID sessionId, UUID id) {
        return find(OF_SESSION + " and id = :id", ofSession(clinicId, sessionId).and("id", id))
                .firstResultOptional();
    }

    public List<AdverseEvent> listPage(UUID clinicId, UUID sessionId, int page, int size) {
        return find(OF_SESSION, STABLE_ORDER, ofSession(clinicId, sessionId))
                .page(Page.of(page, size))
                .list();
    }

    public long countOfSession(UUID clinicId, UUID sessionId) {
        return count(OF_SESSION, ofSession(clinicId, sessionId));
    }

    private static Parameters ofSession(UUID clinicId, UUID sessionId) {
        return Parameters.with("clinicId", clinicId).and("sessionId", sessionId);
    }
}
