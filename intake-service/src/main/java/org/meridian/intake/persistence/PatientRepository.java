package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.IdentifierType;
import org.meridian.intake.domain.Patient;

/** Every query is scoped to one clinic: another clinic's patient is simply not found. */
@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** Alphabetical, which is what a front desk scans; the id breaks ties so pages never skip or repeat. */
    private static final Sort STABLE_ORDER =
            Sort.by("familyName").and("givenName").and("id");

    public Optional<Patient> findInClinic(UUID clinicId, UUID id) {
        return find(
                        "id = :id and clinicId = :clinicId",
                        Parameters.with("id", id).and("clinicId", clinicId))
                .firstResultOptional();
    }

    public Optional<Patient> findByPseudonymInClinic(UUID clinicId, UUID pseudonymId) {
        return find(
                        "pseudonymId = :pseudonymId and clinicId = :clinicId",
                        Parameters.with("pseudonymId", pseudonymId).and("clinicId", clinicId))
                .firstResultOptional();
    }

    /** Patients of the clinic whose name contains {@code name} (case-insensitive) and who carry MRN {@code mrn}. */
    public Search search(UUID clinicId, String name, String mrn, int page, int size) {
        StringBuilder query = new StringBuilder("clinicId = :clinicId");
        Parameters parameters = Parameters.with("clinicId", clinicId);
        if (name != null) {
            query.append(" and (lower(givenName) like :name escape '\\' or lower(familyName) like :name escape '\\'"
                    + " or lower(concat(givenName, ' ', familyName)) like :name escape '\\')");
            parameters.and("name", "%" + escapeLike(name.toLowerCase(Locale.ROOT)) + "%");
        }
        if (mrn != null) {
            query.append(" and id in (select p.id from Patient p join p.identifiers i"
                    + " where p.clinicId = :clinicId and i.type = :mrnType and i.value = :mrn)");
            parameters.and("mrnType", IdentifierType.MRN).and("mrn", mrn);
        }
        String where = query.toString();
        List<Patient> items =
                find(where, STABLE_ORDER, parameters).page(Page.of(page, size)).list();
        return new Search(items, count(where, parameters));
    }

    /** Whether another patient of the clinic already holds this identifier. */
    public boolean identifierTaken(UUID clinicId, String system, String value, UUID exceptPatientId) {
        return count(
                        "id <> :exceptId and id in (select p.id from Patient p join p.identifiers i"
                                + " where p.clinicId = :clinicId and i.system = :system and i.value = :value)",
                        Parameters.with("exceptId", exceptPatientId)
                                .and("clinicId", clinicId)
                                .and("system", system)
                                .and("value", value))
                > 0;
    }

    /** The clinic's patient holding this identifier (unique per clinic, system and value). */
    public Optional<Patient> findByIdentifier(UUID clinicId, String system, String value) {
        return find(
                        "id in (select p.id from Patient p join p.identifiers i"
                                + " where p.clinicId = :clinicId and i.system = :system and i.value = :value)",
                        Parameters.with("clinicId", clinicId)
                                .and("system", system)
                                .and("value", value))
                .firstResultOptional();
    }

    /**
     * Claims, until the transaction ends, the right to register a patient with this identifier in this clinic;
     * false when another transaction holds the claim. It never waits: a caller that did not get the claim ends its
     * transaction, which returns its connection to the pool, before trying again. (A transaction-level advisory
     * lock; identifiers whose hashes collide merely take turns.)
     */
    public boolean tryClaimIdentifier(UUID clinicId, String system, String value) {
        return (Boolean) getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", clinicId + "|" + system + "|" + value)
                .getSingleResult();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public record Search(List<Patient> items, long totalItems) {}
}
