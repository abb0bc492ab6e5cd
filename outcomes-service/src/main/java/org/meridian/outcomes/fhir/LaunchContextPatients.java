package org.meridian.outcomes.fhir;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.meridian.outcomes.client.IntakePatientsClient;
import org.meridian.outcomes.client.ServiceTokens;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.fhir.smart.PatientContext;
import org.meridian.platform.security.Caller;

/**
 * The patient in launch context as outcomes knows them. The token names intake's Patient id, which outcomes-service
 * does not hold (it knows patients by pseudonym only), so it asks intake's internal API once per patient and keeps the
 * answer in memory only (a pseudonym never changes). A patient intake does not know in the caller's clinic finds
 * nothing, as in intake itself.
 */
@ApplicationScoped
public class LaunchContextPatients implements PatientContext {

    private static final int REMEMBERED = 10_000;

    private final IntakePatientsClient intake;
    private final ServiceTokens serviceTokens;
    private final Cache<PatientKey, UUID> pseudonyms =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    private record PatientKey(UUID clinicId, UUID patientId) {}

    LaunchContextPatients(@RestClient IntakePatientsClient intake, ServiceTokens serviceTokens) {
        this.intake = intake;
        this.serviceTokens = serviceTokens;
    }

    @Override
    public Optional<UUID> patient(Caller caller) {
        Optional<UUID> patient = caller.uuidClaim(CLAIM);
        Optional<UUID> clinic = caller.clinicId();
        if (patient.isEmpty() || clinic.isEmpty()) {
            return Optional.empty();
        }
        PatientKey key = new PatientKey(clinic.get(), patient.get());
        UUID known = pseudonyms.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            UUID pseudonym = intake.link(key.clinicId(), key.patientId()).pseudonymId();
            pseudonyms.put(key, pseudonym);
            return Optional.of(pseudonym);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.of(FhirScope.NOBODY);
            }
            if (e.getResponse().getStatus() == 401) {
                serviceTokens.refused(); // a retired signing key: the next call presents a new token
            }
            throw unavailable();
        } catch (RuntimeException e) {
            throw unavailable();
        }
    }

    private static RuntimeException unavailable() {
        return FhirFailures.of(
                503,
                IssueType.TRANSIENT,
                "The patient in launch context could not be looked up at intake-service; try again shortly");
    }
}
