package org.meridian.outcomes.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How outcomes-service gets its token for intake's feed (meridian.service-token.*; environment variables in
 * docs/configuration.md). The provider's client settings themselves are quarkus.oidc-client.* in
 * application.properties, fed by the same variables.
 */
@ConfigMapping(prefix = "meridian.service-token")
public interface ServiceTokenConfig {

    /**
     * The OIDC provider's token endpoint (MERIDIAN_OIDC_TOKEN_ENDPOINT). Set: client credentials there. Absent: tokens
     * signed with the local key (smallrye.jwt.sign.key.location, MERIDIAN_JWT_PRIVATE_KEY_LOCATION).
     */
    Optional<String> tokenEndpoint();

    /** The client outcomes-service is at the provider (MERIDIAN_OUTCOMES_CLIENT_ID). */
    @WithDefault("meridian-outcomes")
    String clientId();

    /** The audience intake-service requires on /internal (MERIDIAN_INTAKE_AUDIENCE); locally signed tokens only. */
    @WithDefault("meridian-intake")
    String audience();

    /** How long a locally signed token lives: as long as the realm's access tokens. */
    @WithDefault("5m")
    Duration lifetime();

    /** A cached token is replaced once it has less than this left to live (either implementation). */
    @WithDefault("60s")
    Duration renewBefore();

    /** How long a call to the provider's token endpoint may take. */
    @WithDefault("10s")
    Duration fetchTimeout();
}
