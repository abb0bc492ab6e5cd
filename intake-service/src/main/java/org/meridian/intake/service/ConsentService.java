package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Consent;
import org.meridian.intake.domain.ConsentKind;
import org.meridian.intake.domain.ConsentStatus;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.persistence.ConsentRepository;
import org.meridian.intake.rest.problem.ProblemType;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.ResourceNotFoundException;
import org.meridian.platform.web.problem.UnprocessableException;

/**
 * Treatment and research consent. Research consent (given or withdrawn) is published, so outcomes-service includes or
 * excludes the patient from research outputs from then on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ConsentService {

    private final ConsentRepository consents;
    private final Lookups lookups;
    private final EventPublisher events;
    private final Clock clock;

    ConsentService(ConsentRepository consents, Lookups lookups, EventPublisher events, Clock clock) {
        this.consents = consents;
        this.lookups = lookups;
        this.events = events;
        this.clock = clock;
    }

    /** Records a consent; a current consent of the same kind (e.g. to an older form) is superseded by it. */
    public Consent give(UUID clinicId, UUID patientId, ConsentDraft draft) {
        Patient patient = lookups.patient(clinicId, patientId);
        Instant now = clock.instant();
        consents.current(clinicId, patientId, draft.kind()).ifPresent(previous -> {
            previous.supersededAt = now;
            // Write the supersession before the new row: only one current consent per kind may exist at any time.
            consents.flush();
        });
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.clinicId = clinicId;
        consent.patientId = patientId;
        consent.kind = draft.kind();
        consent.documentVersion = draft.documentVersion();
        consent.givenAt = draft.givenAt() != null ? draft.givenAt() : now;
        consent.recordedAt = now;
        consents.persist(consent);
        if (consent.kind == ConsentKind.RESEARCH) {
            events.researchConsentGiven(patient, consent);
        }
        Log.infof("Recorded %s consent %s for patient %s", consent.kind, consent.id, patientId);
        return consent;
    }

    /** Withdraws a current consent; research withdrawal takes effect for research outputs through its event. */
    public Consent withdraw(
            UUID clinicId, UUID patientId, UUID consentId, Long expectedVersion, WithdrawalDraft draft) {
        Patient patient = lookups.patient(clinicId, patientId);
        Consent consent = consents.findOfPatient(clinicId, patientId, consentId)
                .orElseThrow(() -> new ResourceNotFoundException("consent", consentId));
        Versions.check("consent", expectedVersion, consent.version);
        if (consent.status() != ConsentStatus.ACTIVE) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE,
                    "Only a current consent can be withdrawn; this one is " + consent.status());
        }
        Instant now = clock.instant();
        Instant withdrawnAt = draft.withdrawnAt() != null ? draft.withdrawnAt() : now;
        if (withdrawnAt.isBefore(consent.givenAt)) {
            throw new UnprocessableException(
                    "withdrawnAt", ErrorCode.INCONSISTENT, "must not be before the consent was given");
        }
        consent.withdrawnAt = withdrawnAt;
        consent.withdrawalReason = draft.reason();
        consent.withdrawalRecordedAt = now;
        if (consent.kind == ConsentKind.RESEARCH) {
            events.researchConsentWithdrawn(patient, consent);
        } else {
            consents.flush();
        }
        Log.infof("Withdrew %s consent %s of patient %s", consent.kind, consent.id, patientId);
        return consent;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Consent> find(UUID clinicId, UUID patientId, UUID id) {
        return consents.findOfPatient(clinicId, patientId, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Consent> list(UUID clinicId, UUID patientId, int page, int size) {
        lookups.patient(clinicId, patientId);
        return new PageOf<>(
                consents.listPage(clinicId, patientId, page, size),
                page,
                size,
                consents.countOfPatient(clinicId, patientId));
    }

    /** {@code givenAt} null means "now". */
    public record ConsentDraft(ConsentKind kind, String documentVersion, Instant givenAt) {}

    /** {@code withdrawnAt} null means "now". */
    public record WithdrawalDraft(Instant withdrawnAt, String reason) {}
}
