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

    /**
     * intake-service refused the current token (401): a key rotation retired its signing key, or the provider revoked
     * it. Forget it, so that the next call gets a new one rather than presenting it until it expires.
     */
    void refused();
}
