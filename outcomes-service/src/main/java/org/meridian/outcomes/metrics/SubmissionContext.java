package org.meridian.outcomes.metrics;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * What a submission request learnt on its way, for {@link SubmissionMetering} to count once the response is known:
 * the instrument once resolved from the registry, whether the scoring engine rejected the answers, and the clinic
 * once the caller's token was found authorized for it.
 */
@RequestScoped
public class SubmissionContext {

    private String instrument;
    private boolean unscorable;
    private UUID authorizedClinic;

    public void instrument(String registryCode) {
        this.instrument = registryCode;
    }

    public void unscorable() {
        this.unscorable = true;
    }

    public void authorizedClinic(UUID clinicId) {
        this.authorizedClinic = clinicId;
    }

    String instrument() {
        return instrument;
    }

    boolean isUnscorable() {
        return unscorable;
    }

    Optional<UUID> authorizedClinic() {
        return Optional.ofNullable(authorizedClinic);
    }
}
