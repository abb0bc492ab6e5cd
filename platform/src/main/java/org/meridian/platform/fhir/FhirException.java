package org.meridian.platform.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A FHIR request that fails with an HTTP status and the issues its OperationOutcome reports. */
public class FhirException extends RuntimeException {

    private final int status;
    private final List<FhirIssue> issues;

    public FhirException(int status, List<FhirIssue> issues) {
        super(issues.isEmpty() ? "HTTP " + status : issues.getFirst().diagnostics());
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a FHIR failure names at least one issue");
        }
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public FhirException(int status, IssueType type, String diagnostics) {
        this(status, List.of(FhirIssue.of(type, diagnostics)));
    }

    public static FhirException badRequest(String diagnostics, String expression) {
        return new FhirException(400, List.of(new FhirIssue(IssueType.INVALID, diagnostics, expression)));
    }

    public static FhirException notFound(String diagnostics) {
        return new FhirException(404, IssueType.NOTFOUND, diagnostics);
    }

    public static FhirException unprocessable(List<FhirIssue> issues) {
        return new FhirException(422, issues);
    }

    public int status() {
        return status;
    }

    public List<FhirIssue> issues() {
        return issues;
    }
}
