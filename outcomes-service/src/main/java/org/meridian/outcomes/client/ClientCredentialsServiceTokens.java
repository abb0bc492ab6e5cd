package org.meridian.outcomes.client;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import java.time.Duration;

/**
 * With an OIDC provider (Keycloak) outcomes-service gets its token by client credentials as meridian-outcomes
 * (quarkus-oidc-client; client id, secret and token endpoint in quarkus.oidc-client.*). The token is cached and a new
 * one is asked for once the cached one is within quarkus.oidc-client.refresh-token-time-skew of its expiry (the
 * realm issues no refresh token for client credentials).
 */
final class ClientCredentialsServiceTokens implements ServiceTokens {

    private final OidcClient client;
    private final Duration timeout;

    private Tokens tokens;

    ClientCredentialsServiceTokens(OidcClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public synchronized String current() {
        if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
            tokens = client.getTokens().await().atMost(timeout);
        }
        return tokens.getAccessToken();
    }

    @Override
    public synchronized void refused() {
        tokens = null;
    }
}
