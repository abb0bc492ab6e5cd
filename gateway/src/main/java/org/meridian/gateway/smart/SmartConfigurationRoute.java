package org.meridian.gateway.smart;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.meridian.gateway.routing.Problems;

/**
 * /fhir/r4/.well-known/smart-configuration (SMART App Launch 2.x): how SMART apps sign in to Meridian's FHIR server.
 * Open, like the capability statement, so an app can find the endpoints before it has a token.
 */
@ApplicationScoped
public class SmartConfigurationRoute {

    /** Before the bearer-token check (order -180), like /fhir/r4/metadata. */
    private static final int ORDER = -185;

    static final String PATH = "/fhir/r4/.well-known/smart-configuration";

    void install(@Observes Router router, SmartConfiguration smart) {
        router.get(PATH).order(ORDER).handler(context -> {
            if (!smart.configured()) {
                context.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", Problems.FHIR_MEDIA_TYPE)
                        .end(Problems.operationOutcome(
                                404,
                                "No authorization server is configured (MERIDIAN_SMART_AUTHORIZATION_SERVER): this"
                                        + " stack signs tokens with a local key, so SMART apps cannot sign in"));
                return;
            }
            smart.document().onComplete(result -> {
                if (result.succeeded()) {
                    context.response()
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Cache-Control", "public, max-age=300")
                            .end(result.result().encodePrettily());
                } else {
                    context.response()
                            .setStatusCode(503)
                            .putHeader("Content-Type", Problems.FHIR_MEDIA_TYPE)
                            .putHeader("Retry-After", "5")
                            .end(Problems.operationOutcome(
                                    503, "The authorization server's OpenID configuration could not be read"));
                }
            });
        });
    }
}
