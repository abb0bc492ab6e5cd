package org.meridian.platform.fhir.smart;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.meridian.platform.security.Caller;

/** The patient in context as the token names it: intake's Patient id, which is what intake-service knows them by. */
@DefaultBean
@ApplicationScoped
public class ClaimedPatientContext implements PatientContext {

    @Override
    public Optional<UUID> patient(Caller caller) {
        return caller.uuidClaim(CLAIM);
    }
}
