package org.meridian.outcomes.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.security.VerifiedTokens;
import org.meridian.platform.test.security.TestTokens;

/** Bearer tokens are verified by the platform's remembering parser, and one verified token does not vouch for another. */
@QuarkusTest
class TokenVerificationTest {

    @Inject
    JWTParser parser;

    @Test
    void theServiceVerifiesTokensThroughVerifiedTokens() {
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
    }

    @Test
    void aRememberedTokenAlteredInItsSignatureIsRefused() {
        String token = TestTokens.practitioner(UUID.randomUUID());
        String path = "/api/v1/outcomes/instruments";
        given().auth().oauth2(token).when().get(path).then().statusCode(200);
        given().auth().oauth2(token).when().get(path).then().statusCode(200);
        char last = token.charAt(token.length() - 2);
        String altered =
                token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        given().auth().oauth2(altered).when().get(path).then().statusCode(401);
    }
}
