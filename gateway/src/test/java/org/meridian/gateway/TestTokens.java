package org.meridian.gateway;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.UUID;

/** Tokens as the identity provider would issue them, signed with the test key in src/test/resources/test-keys. */
public final class TestTokens {

    public static final String ISSUER = "https://auth.meridian.local";
    public static final String AUDIENCE = "meridian-api";

    private TestTokens() {
    }

    public static JwtClaimsBuilder claims(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject)
                .groups("practitioner").claim("clinic_id", UUID.randomUUID().toString())
                .claim("azp", "meridian-tests").expiresIn(300);
    }

    public static String valid() {
        return claims("user-" + UUID.randomUUID()).sign();
    }

    public static String bearer() {
        return "Bearer " + valid();
    }
}
