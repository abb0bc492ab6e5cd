package org.meridian.platform.test.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Set;
import java.util.UUID;

/**
 * Tokens as the identity provider issues them, signed with the test key in platform-test's test-keys (each module's
 * test profile names it as smallrye.jwt.sign.key.location). Every test authenticates with one of these, explicitly.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.meridian.local";
    public static final String AUDIENCE = "meridian-api";

    /** The audience of intake-service's /internal endpoints: service tokens carry it instead of {@link #AUDIENCE}. */
    public static final String INTAKE_AUDIENCE = "meridian-intake";

    /** outcomes-service's client at the identity provider, which reads intake's event feed. */
    public static final String OUTCOMES_CLIENT = "meridian-outcomes";

    /** The client role of meridian-intake that opens the event feed. */
    public static final String EVENT_FEED_READER = "event-feed-reader";

    private TestTokens() {}

    /**
     * The SMART scopes a first-party client's token carries for FHIR (docs/security.md): patients' app every
     * interaction on their own record, everyone else's every interaction their role allows.
     */
    public static final String PATIENT_SCOPES = "openid patient/*.cruds";

    public static final String USER_SCOPES = "openid user/*.cruds";

    public static JwtClaimsBuilder claims(String role) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(role + "-" + UUID.randomUUID())
                .groups(role)
                .claim("azp", "meridian-tests")
                .claim("scope", role.equals("patient") ? PATIENT_SCOPES : USER_SCOPES)
                .expiresIn(600);
    }

    /** A practitioner of the clinic whose token holds exactly {@code scope} (the SMART scopes an app was granted). */
    public static String practitionerWithScope(UUID clinicId, String scope) {
        return claims("practitioner")
                .claim("clinic_id", clinicId.toString())
                .claim("scope", scope)
                .sign();
    }

    /**
     * A practitioner of the clinic using an app launched with {@code patientId} (intake's Patient id) in context
     * (claim patient), whose token holds exactly {@code scope}.
     */
    public static String practitionerInLaunch(UUID clinicId, UUID patientId, String scope) {
        return claims("practitioner")
                .claim("clinic_id", clinicId.toString())
                .claim("patient", patientId.toString())
                .claim("scope", scope)
                .sign();
    }

    public static String admin() {
        return claims("admin").sign();
    }

    public static String researcher() {
        return claims("researcher").sign();
    }

    /** The data-use role for row-level research exports, alone. */
    public static String researchExport() {
        return claims("research-export").sign();
    }

    public static String practitioner(UUID clinicId) {
        return claims("practitioner").claim("clinic_id", clinicId.toString()).sign();
    }

    /** A practitioner whose sign-in is linked to their practitioner record (claim practitioner_id). */
    public static String practitioner(UUID clinicId, UUID practitionerId) {
        return claims("practitioner")
                .claim("clinic_id", clinicId.toString())
                .claim("practitioner_id", practitionerId.toString())
                .sign();
    }

    public static String clinicAdmin(UUID clinicId) {
        return claims("clinic-admin").claim("clinic_id", clinicId.toString()).sign();
    }

    /** A patient as intake knows them (claim patient_id). */
    public static String patient(UUID clinicId, UUID patientId) {
        return claims("patient")
                .claim("clinic_id", clinicId.toString())
                .claim("patient_id", patientId.toString())
                .sign();
    }

    /** A patient as outcomes knows them: by the pseudonym intake's events carry (claim pseudonym_id). */
    public static String pseudonymousPatient(UUID clinicId, UUID pseudonymId) {
        return claims("patient")
                .claim("clinic_id", clinicId.toString())
                .claim("pseudonym_id", pseudonymId.toString())
                .sign();
    }

    /** A clinic's staff member holding both staff roles, as the functional resource tests call the API. */
    public static String staff(UUID clinicId) {
        return claims("practitioner")
                .groups(Set.of("practitioner", "clinic-admin"))
                .claim("clinic_id", clinicId.toString())
                .sign();
    }

    /**
     * The claims of outcomes-service's client-credentials token exactly as the realm issues them (client
     * meridian-outcomes, client scope meridian-service): audience meridian-intake only, role event-feed-reader only, the
     * service account as subject, 5 minutes. Change one claim to make another client's or a wrong token.
     */
    public static JwtClaimsBuilder serviceClaims() {
        return Jwt.issuer(ISSUER)
                .audience(INTAKE_AUDIENCE)
                .subject("service-account-" + OUTCOMES_CLIENT)
                .groups(EVENT_FEED_READER)
                .claim("azp", OUTCOMES_CLIENT)
                .claim("client_id", OUTCOMES_CLIENT)
                .expiresIn(300);
    }

    /** outcomes-service's token for intake's /internal event feed (see {@link #serviceClaims()}). */
    public static String service() {
        return serviceClaims().sign();
    }

    /** A practitioner of some clinic signed in as {@code subject}, for tests that count calls per user. */
    public static JwtClaimsBuilder user(String subject) {
        return claims("practitioner")
                .subject(subject)
                .claim("clinic_id", UUID.randomUUID().toString());
    }
}
