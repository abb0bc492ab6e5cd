package org.meridian.outcomes.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig.Grant;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

/** Where outcomes' token for intake's feed comes from, and when a new one is made. */
@QuarkusTest
class ServiceTokensTest {

    @Inject
    ServiceTokens tokens;

    @Inject
    ServiceTokenConfig config;

    @Inject
    OidcClients oidcClients;

    @Test
    void withoutATokenEndpointTheTokenIsSignedWithTheLocalKeyAndKept() throws Exception {
        String first = tokens.current();
        JsonWebToken jwt = verified(first);
        assertThat(jwt.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(jwt.getAudience()).containsExactly(TestTokens.INTAKE_AUDIENCE);
        assertThat(jwt.getGroups()).containsExactly(TestTokens.EVENT_FEED_READER);
        assertThat(jwt.getSubject()).isEqualTo("service-account-meridian-outcomes");
        assertThat((String) jwt.getClaim("azp")).isEqualTo("meridian-outcomes");
        assertThat((String) jwt.getClaim("client_id")).isEqualTo("meridian-outcomes");
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(300);
        assertThat(tokens.current())
                .as("cached while it has more than a minute left")
                .isEqualTo(first);
    }

    @Test
    void aLocallySignedTokenIsRenewedAMinuteBeforeItExpires() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ServiceTokens local = new LocallySignedServiceTokens(TestTokens.ISSUER, config, clock);
        String first = local.current();
        now.set(now.get().plusSeconds(239));
        assertThat(local.current()).isEqualTo(first);
        now.set(now.get().plusSeconds(1));
        String second = local.current();
        assertThat(second).isNotEqualTo(first);
        assertThat(verified(second).getExpirationTime())
                .isEqualTo(now.get().plusSeconds(300).getEpochSecond());
        local.refused();
        assertThat(local.current()).as("a new one once intake refused it").isNotEqualTo(second);
    }

    @Test
    void withATokenEndpointTheTokenComesByClientCredentialsAndIsRenewedBeforeItExpires() throws Exception {
        List<String> requests = new ArrayList<>();
        AtomicReference<Integer> expiresIn = new AtomicReference<>(300);
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (requests) {
                requests.add(form + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            }
            byte[] body = ("{\"access_token\":\"token-" + requests.size() + "\",\"token_type\":\"Bearer\","
                            + "\"expires_in\":" + expiresIn.get() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        try {
            OidcClient client = oidcClients
                    .newClient(new OidcClientConfigBuilder()
                            .id("test-provider")
                            .tokenPath(
                                    "http://127.0.0.1:" + provider.getAddress().getPort() + "/token")
                            .discoveryEnabled(false)
                            .clientId("meridian-outcomes")
                            .credentials("the-secret")
                            .grant(Grant.Type.CLIENT)
                            .refreshTokenTimeSkew(Duration.ofSeconds(60))
                            .build())
                    .await()
                    .atMost(Duration.ofSeconds(10));
            ServiceTokens fromProvider = new ClientCredentialsServiceTokens(client, Duration.ofSeconds(10));

            assertThat(fromProvider.current()).isEqualTo("token-1");
            assertThat(fromProvider.current())
                    .as("cached while it has more than a minute left")
                    .isEqualTo("token-1");
            assertThat(requests).hasSize(1);
            assertThat(requests.getFirst()).contains("grant_type=client_credentials");
            assertThat(requests.getFirst()).matches(".*(client_id=meridian-outcomes|Basic ).*");
            fromProvider.refused();
            assertThat(fromProvider.current())
                    .as("a new one once intake refused it")
                    .isEqualTo("token-2");

            // A token with less than the minute left is replaced at once.
            expiresIn.set(30);
            ServiceTokens shortLived = new ClientCredentialsServiceTokens(client, Duration.ofSeconds(10));
            assertThat(shortLived.current()).isEqualTo("token-3");
            assertThat(shortLived.current()).isEqualTo("token-4");
        } finally {
            provider.stop(0);
        }
    }

    private static JsonWebToken verified(String token) throws Exception {
        JWTAuthContextInfo trusted =
                new JWTAuthContextInfo(KeyUtils.readPublicKey("test-keys/jwt-public.pem"), TestTokens.ISSUER);
        trusted.setExpectedAudience(Set.of(TestTokens.INTAKE_AUDIENCE));
        return new DefaultJWTParser(trusted).parse(token);
    }
}
