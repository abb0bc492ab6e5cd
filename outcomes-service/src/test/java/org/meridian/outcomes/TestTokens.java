package org.meridian.outcomes;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.UUID;

/** Tokens as the identity provider issues them, signed with the test key in src/test/resources/test-keys. */
public final class TestTokens {

    private TestTokens() {
    }

    public static JwtClaimsBuilder claims(String role) {
        return Jwt.issuer("https://auth.meridian.local").audience("meridian-api")
                .subject(role + "-" + UUID.randomUUID()).groups(role).claim("azp", "meridian-tests").expiresIn(600);
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
        return claims("practitioner").claim("clinic_id", clinicId.toString())
                .claim("practitioner_id", practitionerId.toString()).sign();
    }

    public static String clinicAdmin(UUID clinicId) {
        return claims("clinic-admin").claim("clinic_id", clinicId.toString()).sign();
    }

    public static String patient(UUID clinicId, UUID pseudonymId) {
        return claims("patient").claim("clinic_id", clinicId.toString()).claim("pseudonym_id", pseudonymId.toString()).sign();
    }
}
