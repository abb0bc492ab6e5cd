package org.meridian.outcomes.research.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-project pseudonyms: the project key is HMAC-SHA256(server secret, "meridian-research-project:" + project), and
 * an id's pseudonym is HMAC-SHA256(project key, kind + ":" + id) truncated to 128 bits (patients) or 64 bits
 * (clinics), in hex. Without the server secret nobody can compute or reverse them, and two projects' pseudonyms of
 * the same patient are unrelated, so exports of different projects cannot be linked.
 * Not thread-safe (one Mac); make one per export.
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final Mac mac;

    public Pseudonymizer(String serverSecret, String project) {
        try {
            Mac derive = Mac.getInstance(ALGORITHM);
            derive.init(new SecretKeySpec(serverSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] projectKey =
                    derive.doFinal(("meridian-research-project:" + project).getBytes(StandardCharsets.UTF_8));
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(projectKey, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public String patient(UUID pseudonymId) {
        return digest("patient:" + pseudonymId, 16);
    }

    public String clinic(UUID clinicId) {
        return digest("clinic:" + clinicId, 8);
    }

    private String digest(String input, int bytes) {
        byte[] full = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(full, 0, bytes);
    }
}
