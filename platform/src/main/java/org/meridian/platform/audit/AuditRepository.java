package org.meridian.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, Long> {

    public record Filter(String subject, UUID clinicId, String resourceId, Instant from, Instant to) {}

    public List<AuditEvent> search(Filter filter, int page, int size) {
        Query query = query(filter);
        return find(query.jpql, Sort.by("occurredAt").and("id"), query.parameters)
                .page(Page.of(page, size))
                .list();
    }

    public long countMatching(Filter filter) {
        Query query = query(filter);
        return count(query.jpql, query.parameters);
    }

    private record Query(String jpql, Parameters parameters) {}

    private static Query query(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.subject() != null) {
            conditions.add("subject = :subject");
            parameters.and("subject", filter.subject());
        }
        if (filter.clinicId() != null) {
            conditions.add("clinicId = :clinicId");
            parameters.and("clinicId", filter.clinicId());
        }
        if (filter.resourceId() != null) {
            conditions.add("resourceId = :resourceId");
            parameters.and("resourceId", filter.resourceId());
        }
        if (filter.from() != null) {
            conditions.add("occurredAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("occurredAt < :to");
            parameters.and("to", filter.to());
        }
        return new Query(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters);
    }
}
