package org.meridian.outcomes.client;

import io.smallrye.jwt.build.Jwt;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.meridian.platform.security.Roles;

/**
 * Without an OIDC provider (scripts/run.sh's quick path, the tests) outcomes-service signs its own service token with
 * the local private key (smallrye.jwt.sign.key.location), the key whose public half every service trusts. The claims
 * are those Keycloak gives the meridian-outcomes client, so intake-service cannot tell the two apart.
 */
final class LocallySignedServiceTokens implements ServiceTokens {

    private final String issuer;
    private final ServiceTokenConfig config;
    private final Clock clock;

    private String token;
    private Instant expiresAt = Instant.MIN;

    LocallySignedServiceTokens(String issuer, ServiceTokenConfig config, Clock clock) {
        this.issuer = issuer;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public synchronized String current() {
        Instant now = clock.instant();
        if (token == null || !now.plus(config.renewBefore()).isBefore(expiresAt)) {
            expiresAt = now.plus(config.lifetime());
            token = sign(now, expiresAt);
        }
        return token;
    }

    @Override
    public synchronized void refused() {
        token = null;
    }

    private String sign(Instant issuedAt, Instant expires) {
        String client = config.clientId();
        return Jwt.issuer(issuer)
                .audience(config.audience())
                .subject("service-account-" + client)
                .groups(Roles.EVENT_FEED_READER)
                .claim("azp", client)
                .claim("client_id", client)
                .claim("typ", "Bearer")
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(expires.getEpochSecond())
                .sign();
    }
}
