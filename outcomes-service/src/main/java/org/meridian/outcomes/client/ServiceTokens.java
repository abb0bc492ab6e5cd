package org.meridian.outcomes.client;

/**
 * outcomes-service's own access token for intake-service's /internal event feed: audience meridian-intake, role
 * event-feed-reader, client meridian-outcomes (docs/security.md#service-to-service). Two implementations, chosen by
 * configuration in {@link ServiceTokensProducer}: {@link ClientCredentialsServiceTokens} asks the OIDC provider
 * (MERIDIAN_OIDC_TOKEN_ENDPOINT set: Keycloak), {@link LocallySignedServiceTokens} signs with the local key (the quick
 * path without a provider, and the tests). Either caches its token and gets a new one before it expires.
 */
public interface ServiceTokens {

    /** A token valid for a while yet (at least the configured renew-before margin); fetched or signed when needed. */
    String current();
}
