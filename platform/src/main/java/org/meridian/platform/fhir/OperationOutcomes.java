package org.meridian.platform.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Builds the OperationOutcome a FHIR client receives instead of problem+json. */
public final class OperationOutcomes {

    private OperationOutcomes() {}

    public static OperationOutcome of(List<FhirIssue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        for (FhirIssue issue : issues) {
            OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(issue.type())
                    .setDiagnostics(issue.diagnostics());
            if (issue.expression() != null) {
                component.addExpression(issue.expression());
            }
        }
        return outcome;
    }

    /** An outcome for an HTTP failure that is not specific to FHIR (401, 403, 405, 406, 415, 500...). */
    public static OperationOutcome forStatus(int status, String diagnostics) {
        return of(List.of(FhirIssue.of(issueType(status), diagnostics)));
    }

    public static IssueType issueType(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 406, 415, 501 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOCOSTLY;
            case 422 -> IssueType.BUSINESSRULE;
            case 429 -> IssueType.THROTTLED;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
