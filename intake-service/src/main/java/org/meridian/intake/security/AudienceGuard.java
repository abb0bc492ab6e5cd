package org.meridian.intake.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.meridian.platform.security.InternalPaths;

/**
 * Which audience a token needs depends on the path. intake-service verifies tokens of two audiences with the same
 * issuer and keys (mp.jwt.verify.audiences): {@code meridian-api} for the public API (/api, /fhir, everything else)
 * and {@code meridian-intake} for the service-to-service endpoints under /internal (docs/security.md#service-to-service).
 * This augmentor, run on every verified token, keeps each audience to its paths:
 * <ul>
 *   <li>outside /internal, a token without the public audience is refused as if it had failed verification (401),
 *       exactly as before intake accepted a second audience: a service token opens nothing of the public API;
 *   <li>on /internal, a token without intake's audience (a user's, an EHR client's) stays authenticated but holds no
 *       role there, so the endpoints' {@code @RolesAllowed(event-feed-reader)} answers 403.
 * </ul>
 */
@ApplicationScoped
public class AudienceGuard implements SecurityIdentityAugmentor {

    private final String apiAudience;
    private final String internalAudience;

    AudienceGuard(
            @ConfigProperty(name = "meridian.api.audience") String apiAudience,
            @ConfigProperty(name = "meridian.internal.audience") String internalAudience) {
        this.apiAudience = apiAudience;
        this.internalAudience = internalAudience;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
        if (!isInternal(HttpSecurityUtils.getRoutingContextAttribute(identity))) {
            if (!audience.contains(apiAudience)) {
                return Uni.createFrom()
                        .failure(new AuthenticationFailedException("token audience is not " + apiAudience));
            }
            return Uni.createFrom().item(identity);
        }
        if (audience.contains(internalAudience)) {
            return Uni.createFrom().item(identity);
        }
        // Authenticated, but nothing it holds counts here: same principal, credentials and attributes, no roles.
        QuarkusSecurityIdentity.Builder withoutRoles = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes());
        return Uni.createFrom().item(withoutRoles.build());
    }

    private static boolean isInternal(RoutingContext request) {
        // No request (not an HTTP call): nothing internal is reachable that way.
        return request != null && InternalPaths.isInternal(request.normalizedPath());
    }
}
