package org.meridian.outcomes.client;

import io.quarkus.logging.Log;
import io.quarkus.oidc.client.OidcClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Picks the {@link ServiceTokens} implementation: the provider's client credentials if a token endpoint is set. */
@ApplicationScoped
public class ServiceTokensProducer {

    @Produces
    @ApplicationScoped
    ServiceTokens serviceTokens(
            ServiceTokenConfig config,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            Instance<OidcClient> oidcClient,
            Clock clock) {
        if (config.tokenEndpoint().isPresent()) {
            Log.infof(
                    "Service token for intake's feed: client credentials as %s at %s",
                    config.clientId(), config.tokenEndpoint().get());
            return new ClientCredentialsServiceTokens(oidcClient.get(), config.fetchTimeout());
        }
        Log.infof(
                "Service token for intake's feed: signed with the local key as %s (issuer %s)",
                config.clientId(), issuer);
        return new LocallySignedServiceTokens(issuer, config, clock);
    }
}
