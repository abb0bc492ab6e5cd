package org.meridian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    /** smallrye-jwt's parser with the verification replaced: a token is valid when it starts with "good", until exp. */
    static final class RecordingVerifier extends DefaultJWTParser {
        final List<String> verified = new ArrayList<>();
        long expiresAt = Instant.now().getEpochSecond() + 300;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good")) {
                throw new ParseException("bad signature");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject(token);
            claims.setClaim("exp", expiresAt);
            return new DefaultJWTCallerPrincipal(token, claims);
        }
    }

    private final RecordingVerifier verifier = new RecordingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens();

    {
        tokens.verifier = verifier;
    }

    @Test
    void verifiesATokenOnceWhileItIsValid() throws ParseException {
        JsonWebToken first = tokens.parse("good-1");
        JsonWebToken again = tokens.parse("good-1");
        assertThat(again.getSubject()).isEqualTo("good-1");
        assertThat(again).isSameAs(first);
        assertThat(verifier.verified).containsExactly("good-1");
    }

    @Test
    void verifiesEveryDifferentTokenItself() throws ParseException {
        tokens.parse("good-1");
        assertThatThrownBy(() -> tokens.parse("evil-1")).isInstanceOf(ParseException.class);
        tokens.parse("good-2");
        assertThat(verifier.verified).containsExactly("good-1", "evil-1", "good-2");
    }

    @Test
    void neverRemembersARefusedToken() {
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("forged", "forged");
    }

    @Test
    void verifiesAgainOnceTheRememberedTokenHasExpired() throws ParseException {
        verifier.expiresAt = Instant.now().getEpochSecond() - 1;
        tokens.parse("good-expired");
        tokens.parse("good-expired");
        assertThat(verifier.verified).containsExactly("good-expired", "good-expired");
    }

    @Test
    void remembersOnlyATokenItVerifiedAndStillValid() {
        assertThat(tokens.remembers("good-3")).isFalse();
        assertThat(tokens.verifies("good-3")).isTrue();
        assertThat(tokens.remembers("good-3")).isTrue();
        assertThat(tokens.verifies("forged")).isFalse();
        assertThat(tokens.remembers("forged")).isFalse();
        verifier.expiresAt = Instant.now().getEpochSecond() - 1;
        assertThat(tokens.verifies("good-expired")).isTrue();
        assertThat(tokens.remembers("good-expired")).isFalse();
        assertThat(verifier.verified).containsExactly("good-3", "forged", "good-expired");
    }
}
