package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.meridian.intake.domain.IdentifierType;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.PatientIdentifier;
import org.meridian.intake.domain.Sex;
import org.meridian.intake.persistence.PatientRepository;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.CommonProblem;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.UnprocessableException;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PatientService {

    private final PatientRepository patients;
    private final Lookups lookups;
    private final EventPublisher events;
    private final Clock clock;

    PatientService(PatientRepository patients, Lookups lookups, EventPublisher events, Clock clock) {
        this.patients = patients;
        this.lookups = lookups;
        this.events = events;
        this.clock = clock;
    }

    public Patient register(UUID clinicId, PatientDraft draft) {
        lookups.clinic(clinicId);
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.pseudonymId = UUID.randomUUID();
        patient.clinicId = clinicId;
        patient.createdAt = clock.instant();
        apply(patient, draft);
        patients.persist(patient);
        events.patientRegistered(patient);
        Log.infof("Registered patient %s in clinic %s", patient.id, clinicId);
        return patient;
    }

    /**
     * Registers the patient unless a patient of the clinic already holds the identifier (then returns that one), in
     * one transaction. Empty when another registration of the same identifier is under way: the caller should try
     * again shortly, outside this transaction, rather than wait for it while holding a connection.
     */
    public Optional<Registration> registerUnlessIdentified(
            UUID clinicId, PatientDraft draft, String system, String value) {
        if (!patients.tryClaimIdentifier(clinicId, system, value)) {
            return Optional.empty();
        }
        Optional<Patient> holder = patients.findByIdentifier(clinicId, system, value);
        return Optional.of(holder.map(patient -> new Registration(patient, false))
                .orElseGet(() -> new Registration(register(clinicId, draft), true)));
    }

    /** The clinic's patient holding the identifier; in a transaction of its own, so its connection is returned. */
    public Optional<Patient> findByIdentifier(UUID clinicId, String system, String value) {
        return patients.findByIdentifier(clinicId, system, value);
    }

    /** Replaces the patient's data; publishes PatientUpdated only when a published attribute changed. */
    public Patient update(UUID clinicId, UUID id, long expectedVersion, PatientDraft draft) {
        Patient patient = lookups.patient(clinicId, id);
        Versions.check("patient", expectedVersion, patient.version);
        LocalDate previousBirthDate = patient.dateOfBirth;
        Sex previousSex = patient.sex;
        apply(patient, draft);
        if (!Objects.equals(previousBirthDate, patient.dateOfBirth) || previousSex != patient.sex) {
            events.patientUpdated(patient);
        } else {
            patients.flush();
        }
        return patient;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Patient> find(UUID clinicId, UUID id) {
        return patients.findInClinic(clinicId, id);
    }

    /** The clinic's patient holding the pseudonym (pseudonyms are unique across clinics). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Patient> findByPseudonym(UUID clinicId, UUID pseudonymId) {
        return patients.findByPseudonymInClinic(clinicId, pseudonymId);
    }

    /** Patients of the clinic, optionally filtered by part of a name and/or an exact MRN. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Patient> search(UUID clinicId, String name, String mrn, int page, int size) {
        lookups.clinic(clinicId);
        PatientRepository.Search result = patients.search(clinicId, name, mrn, page, size);
        return new PageOf<>(result.items(), page, size, result.totalItems());
    }

    private void apply(Patient patient, PatientDraft draft) {
        Set<PatientIdentifier> identifiers = new HashSet<>();
        Set<String> systemValues = new HashSet<>();
        for (int i = 0; i < draft.identifiers().size(); i++) {
            IdentifierDraft identifier = draft.identifiers().get(i);
            String field = "identifiers[" + i + "].value";
            if (!systemValues.add(identifier.system() + "|" + identifier.value())) {
                throw new UnprocessableException(field, ErrorCode.NOT_UNIQUE, "the same identifier is listed twice");
            }
            if (patients.identifierTaken(patient.clinicId, identifier.system(), identifier.value(), patient.id)) {
                throw new ConflictException(
                        CommonProblem.CONFLICT,
                        "Another patient of this clinic already has this identifier in system " + identifier.system(),
                        field,
                        ErrorCode.NOT_UNIQUE);
            }
            identifiers.add(new PatientIdentifier(
                    patient.clinicId, identifier.type(), identifier.system(), identifier.value()));
        }
        patient.givenName = draft.givenName();
        patient.familyName = draft.familyName();
        patient.dateOfBirth = draft.dateOfBirth();
        patient.sex = draft.sex();
        patient.email = draft.email();
        patient.phone = draft.phone();
        patient.identifiers.retainAll(identifiers);
        patient.identifiers.addAll(identifiers);
        patient.updatedAt = clock.instant();
    }

    /** The patient a conditional registration answers with: registered now ({@code created}) or found. */
    public record Registration(Patient patient, boolean created) {}

    /** What a caller supplies to register or update a patient, already validated at the boundary. */
    public record PatientDraft(
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            Sex sex,
            String email,
            String phone,
            List<IdentifierDraft> identifiers) {}

    public record IdentifierDraft(IdentifierType type, String system, String value) {}
}
