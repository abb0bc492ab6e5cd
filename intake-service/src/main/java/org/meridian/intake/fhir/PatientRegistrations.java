package org.meridian.intake.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.service.PatientService;
import org.meridian.intake.service.PatientService.PatientDraft;
import org.meridian.intake.service.PatientService.Registration;
import org.meridian.platform.fhir.FhirFailures;

/**
 * A FHIR create of a Patient, optionally conditional on an identifier. Each attempt is one short transaction on one
 * connection (look up the identifier's holder, else register). When a crowd of retries arrives at once, one attempt
 * claims the identifier and the others end their transactions and pause before trying again, so nobody waits for
 * the winner while holding a pooled connection; the later attempts then find the winner's patient. Only when the
 * identifier stays claimed for longer than {@link #PATIENCE} does the create give up with a retryable 503.
 */
@ApplicationScoped
public class PatientRegistrations {

    /** How long a conditional create waits for a concurrent one of the same identifier to finish. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 500;

    private final PatientService patients;

    PatientRegistrations(PatientService patients) {
        this.patients = patients;
    }

    Registration register(UUID clinicId, PatientDraft draft, Optional<ConditionalCreate.Criterion> criterion) {
        if (criterion.isEmpty()) {
            return new Registration(patients.register(clinicId, draft), true);
        }
        String system = criterion.get().system();
        String value = criterion.get().value();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<Registration> registration = patients.registerUnlessIdentified(clinicId, draft, system, value);
            if (registration.isPresent()) {
                return registration.get();
            }
            if (System.nanoTime() + Duration.ofMillis(pause).toNanos() > deadline) {
                throw FhirFailures.of(
                        503,
                        IssueType.TRANSIENT,
                        "Another create of a Patient with identifier " + system + "|" + value
                                + " is still under way; retry shortly");
            }
            sleep(pause + ThreadLocalRandom.current().nextLong(pause));
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    /** The clinic's patient holding the criterion's identifier. */
    Optional<Patient> holder(UUID clinicId, ConditionalCreate.Criterion criterion) {
        return patients.findByIdentifier(clinicId, criterion.system(), criterion.value());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FhirFailures.of(503, IssueType.TRANSIENT, "The request was interrupted; retry shortly");
        }
    }
}
