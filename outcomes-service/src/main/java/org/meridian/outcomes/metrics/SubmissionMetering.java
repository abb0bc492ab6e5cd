package org.meridian.outcomes.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.meridian.outcomes.metrics.SubmissionMetrics.Outcome;
import org.meridian.outcomes.metrics.SubmissionMetrics.Reason;
import org.meridian.platform.security.TenantGuard;

/**
 * Counts each answer of a {@link CountedSubmission} operation by its status: 201 stored, 200 replayed, a 4xx rejected
 * with its reason. A 401 (nobody's submission) and server errors are not submission outcomes. The clinic series moves
 * only for a call authorized for the clinic of the caller's token (never for a 401 or 403, nor a path naming another
 * clinic), so that a caller cannot mint series.
 */
public class SubmissionMetering {

    @Inject
    SubmissionContext context;

    @Inject
    SubmissionMetrics metrics;

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        CountedSubmission counted = method == null ? null : method.getAnnotation(CountedSubmission.class);
        if (counted == null) {
            return;
        }
        int status = response.getStatus();
        Outcome outcome;
        Reason reason;
        if (status == 201) {
            outcome = Outcome.STORED;
            reason = Reason.NONE;
        } else if (status == 200) {
            outcome = Outcome.REPLAYED;
            reason = Reason.NONE;
        } else if (status >= 400 && status < 500 && status != 401) {
            outcome = Outcome.REJECTED;
            reason = reason(status);
        } else {
            return;
        }
        Optional<UUID> clinic =
                status == 403 ? Optional.empty() : authorizedByPath(request).or(context::authorizedClinic);
        String instrument = context.instrument();
        metrics.submission(
                instrument == null ? SubmissionMetrics.UNKNOWN : instrument, outcome, reason, counted.value(), clinic);
    }

    private Reason reason(int status) {
        return switch (status) {
            case 403 -> Reason.FORBIDDEN;
            case 404 -> Reason.NOT_FOUND;
            case 409 -> Reason.CONFLICT;
            case 422 -> context.isUnscorable() ? Reason.UNSCORABLE : Reason.UNPROCESSABLE;
            default -> Reason.INVALID; // 400, 413, 415 and any other refusal of the request as sent
        };
    }

    private static Optional<UUID> authorizedByPath(ContainerRequestContext request) {
        return request.getProperty(TenantGuard.AUTHORIZED_CLINIC) instanceof UUID clinic
                ? Optional.of(clinic)
                : Optional.empty();
    }
}
