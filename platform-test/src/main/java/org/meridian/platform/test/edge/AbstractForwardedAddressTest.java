package org.meridian.platform.test.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.http.RawHttp;
import org.meridian.platform.test.security.TestTokens;

/**
 * Found by an outside audit: an X-Forwarded-For sent straight to the service was stored as the audit trail's remote
 * address. Forwarding headers count only from a trusted proxy (the gateway); the test profile trusts 127.0.0.2, so a
 * call from 127.0.0.1 is one from anybody else.
 */
public abstract class AbstractForwardedAddressTest {

    private final String audit;

    /** @param apiBase the service's API root, such as /api/v1/intake */
    protected AbstractForwardedAddressTest(String apiBase) {
        this.audit = apiBase + "/audit-events";
    }

    private String auditedAddressOfACallFrom(String localAddress, String forwardedFor) throws Exception {
        String subject = "forwarded-" + UUID.randomUUID();
        String token = TestTokens.claims("admin").subject(subject).sign();
        RawHttp.Response answer = RawHttp.send(
                localAddress,
                RestAssured.port,
                "GET",
                audit + "?size=1",
                Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "X-Forwarded-For",
                        forwardedFor,
                        "Forwarded",
                        "for=\"" + forwardedFor + "\""),
                null);
        assertThat(answer.status()).isEqualTo(200);
        return given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("subject", subject)
                .when()
                .get(audit)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].remoteAddress");
    }

    @Test
    void ignoresAForwardedAddressFromACallerThatIsNotTheGateway() throws Exception {
        assertThat(auditedAddressOfACallFrom("127.0.0.1", "203.0.113.66")).isEqualTo("127.0.0.1");
    }

    @Test
    void recordsTheAddressTheGatewayForwards() throws Exception {
        assertThat(auditedAddressOfACallFrom("127.0.0.2", "203.0.113.77")).isEqualTo("203.0.113.77");
    }
}
