package org.meridian.platform.fhir;

import java.util.Objects;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One problem with a FHIR request, as it will appear in the OperationOutcome.
 *
 * @param expression the FHIRPath of the offending element (e.g. {@code QuestionnaireResponse.item[2].answer[0]}),
 *        or null when the problem concerns the request as a whole
 */
public record FhirIssue(IssueType type, String diagnostics, String expression) {

    public FhirIssue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    public static FhirIssue of(IssueType type, String diagnostics) {
        return new FhirIssue(type, diagnostics, null);
    }
}
