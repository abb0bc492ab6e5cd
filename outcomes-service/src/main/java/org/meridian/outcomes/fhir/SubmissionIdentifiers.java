package org.meridian.outcomes.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.meridian.platform.fhir.FhirFailures;

/**
 * A QuestionnaireResponse identifier is the submission's idempotency key, the same key the native API takes in
 * {@code Idempotency-Key}. An identifier in Meridian's submission system (or without a system) is stored as its
 * value alone, so a native key and a FHIR identifier name the same submission; any other system is kept as
 * {@code system|value}.
 */
final class SubmissionIdentifiers {

    /** The assessment table's limit for idempotency keys. */
    static final int MAX_KEY_LENGTH = 128;

    private SubmissionIdentifiers() {}

    static String toKey(Identifier identifier) {
        if (!identifier.hasValue() || identifier.getValue().isBlank()) {
            throw FhirFailures.badRequest(
                    "identifier.value is required when an identifier is sent",
                    "QuestionnaireResponse.identifier.value");
        }
        String system = identifier.getSystem();
        String key = system == null || system.equals(MeridianFhir.SUBMISSION_SYSTEM)
                ? identifier.getValue()
                : system + "|" + identifier.getValue();
        if (key.length() > MAX_KEY_LENGTH) {
            throw FhirFailures.badRequest(
                    "identifier system and value together must not exceed " + MAX_KEY_LENGTH + " characters",
                    "QuestionnaireResponse.identifier");
        }
        return key;
    }

    static Optional<Identifier> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int separator = key.lastIndexOf('|');
        // Native Idempotency-Keys may contain '|' too; only a URI before it marks a foreign identifier system.
        if (separator > 0 && separator < key.length() - 1 && looksLikeUri(key.substring(0, separator))) {
            return Optional.of(
                    new Identifier().setSystem(key.substring(0, separator)).setValue(key.substring(separator + 1)));
        }
        return Optional.of(
                new Identifier().setSystem(MeridianFhir.SUBMISSION_SYSTEM).setValue(key));
    }

    private static boolean looksLikeUri(String text) {
        return text.startsWith("http://") || text.startsWith("https://") || text.startsWith("urn:");
    }
}
