package org.meridian.outcomes.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.meridian.outcomes.client.IntakePseudonymsClient;
import org.meridian.outcomes.client.ServiceTokens;

/**
 * Asks intake whether it issued a pseudonym in a clinic, for a submission naming a patient the feed has not announced
 * (there) yet. intake answers a pseudonym of another clinic's patient like one nobody has. Only "issued" answers are
 * remembered (in memory, bounded: a pseudonym never changes clinic); a refusal is asked again each time, so a foreign
 * and an unknown pseudonym take the same path and the same time.
 */
@ApplicationScoped
public class IssuedPseudonyms {

    public enum Answer {
        /** intake issued the pseudonym to a patient of the clinic. */
        ISSUED,
        /** intake has no patient of the clinic with the pseudonym (nobody has it, or another clinic's patient). */
        NOT_ISSUED,
        /** intake could not be asked (unreachable, slow, refused our credential): nothing is known. */
        UNANSWERED
    }

    private static final int REMEMBERED = 10_000;

    private final IntakePseudonymsClient intake;
    private final ServiceTokens serviceTokens;
    private final Cache<Key, Boolean> issued =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    private record Key(UUID clinicId, UUID pseudonymId) {}

    IssuedPseudonyms(@RestClient IntakePseudonymsClient intake, ServiceTokens serviceTokens) {
        this.intake = intake;
        this.serviceTokens = serviceTokens;
    }

    public Answer ask(UUID clinicId, UUID pseudonymId) {
        Key key = new Key(clinicId, pseudonymId);
        if (issued.getIfPresent(key) != null) {
            return Answer.ISSUED;
        }
        try {
            IntakePseudonymsClient.IssuedPseudonym answer = intake.issued(clinicId, pseudonymId);
            if (!clinicId.equals(answer.clinicId()) || !pseudonymId.equals(answer.pseudonymId())) {
                Log.errorf(
                        "intake answered pseudonym %s of clinic %s for %s of %s; treated as unanswered",
                        answer.pseudonymId(), answer.clinicId(), pseudonymId, clinicId);
                return Answer.UNANSWERED;
            }
            issued.put(key, Boolean.TRUE);
            return Answer.ISSUED;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Answer.NOT_ISSUED;
            }
            if (status == 401) {
                serviceTokens.refused(); // a retired signing key: the next call presents a new token
            }
            Log.warnf(
                    "Asking intake about pseudonym %s answered %d; the submission waits as PENDING",
                    pseudonymId, status);
            return Answer.UNANSWERED;
        } catch (RuntimeException e) {
            Log.warnf(
                    "Asking intake about pseudonym %s failed (%s); the submission waits as PENDING",
                    pseudonymId, e.getMessage());
            return Answer.UNANSWERED;
        }
    }
}
