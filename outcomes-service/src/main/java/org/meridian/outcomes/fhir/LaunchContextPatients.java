package org.meridian.outcomes.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.meridian.platform.fhir.smart.PatientContext;
import org.meridian.platform.security.Caller;

/**
 * The patient in launch context as outcomes knows them. The token names intake's Patient id, which outcomes-service
 * does not hold (it knows patients by pseudonym only).
 */
@ApplicationScoped
public class LaunchContextPatients implements PatientContext {

    @Override
    public Optional<UUID> patient(Caller caller) {
        return Optional.empty();
    }
}
