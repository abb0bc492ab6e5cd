package org.meridian.platform.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A FHIR request that fails: HAPI's exception for the status ({@link InvalidRequestException} 400,
 * {@link ResourceNotFoundException} 404, {@link UnprocessableEntityException} 422, ...) carrying the OperationOutcome
 * with the issues the client receives (see {@link FhirErrors}).
 */
public final class FhirFailures {

    private FhirFailures() {}

    public static BaseServerResponseException of(int status, List<FhirIssue> issues) {
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a FHIR failure names at least one issue");
        }
        BaseServerResponseException failure = BaseServerResponseException.newInstance(
                status, issues.getFirst().diagnostics());
        failure.setOperationOutcome(OperationOutcomes.of(issues));
        return failure;
    }

    public static BaseServerResponseException of(int status, IssueType type, String diagnostics) {
        return of(status, List.of(FhirIssue.of(type, diagnostics)));
    }

    public static InvalidRequestException badRequest(String diagnostics, String expression) {
        return new InvalidRequestException(
                diagnostics, OperationOutcomes.of(List.of(new FhirIssue(IssueType.INVALID, diagnostics, expression))));
    }

    public static ResourceNotFoundException notFound(String diagnostics) {
        ResourceNotFoundException failure = new ResourceNotFoundException(diagnostics);
        failure.setOperationOutcome(OperationOutcomes.of(List.of(FhirIssue.of(IssueType.NOTFOUND, diagnostics))));
        return failure;
    }

    public static UnprocessableEntityException unprocessable(List<FhirIssue> issues) {
        return new UnprocessableEntityException(issues.getFirst().diagnostics(), OperationOutcomes.of(issues));
    }

    /** The OperationOutcome a failure answers with: its own, or one issue from its status and message. */
    public static OperationOutcome outcome(BaseServerResponseException failure) {
        return failure.getOperationOutcome() instanceof OperationOutcome outcome
                ? outcome
                : OperationOutcomes.forStatus(failure.getStatusCode(), failure.getMessage());
    }

    /** The issues a failure reports, as {@link FhirIssue}s. */
    public static List<FhirIssue> issues(BaseServerResponseException failure) {
        return outcome(failure).getIssue().stream()
                .map(issue -> new FhirIssue(
                        issue.getCode(),
                        issue.getDiagnostics(),
                        issue.getExpression().isEmpty()
                                ? null
                                : issue.getExpression().getFirst().getValue()))
                .toList();
    }
}
