package org.meridian.outcomes.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.service.AssessmentService;
import org.meridian.outcomes.service.SubmissionCommand;
import org.meridian.outcomes.service.SubmissionResult;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirIssue;
import org.meridian.platform.web.problem.FieldProblem;
import org.meridian.platform.web.problem.InvalidRequestException;
import org.meridian.platform.web.problem.UnprocessableException;

/**
 * Hands a FHIR submission to the assessment service, the same path as native submissions (scoring, linking, the
 * database-enforced idempotency), and points the service's field problems at the QuestionnaireResponse's elements.
 */
@ApplicationScoped
public class FhirSubmissions {

    private static final String QR = "QuestionnaireResponse";

    private final AssessmentService assessments;

    FhirSubmissions(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /**
     * @param itemExpressions item code to the FHIRPath of its item in the request
     */
    public SubmissionResult submit(
            UUID clinicId,
            UUID pseudonymId,
            FhirSubmission submission,
            String idempotencyKey,
            String submittedBy,
            Map<String, String> itemExpressions) {
        SubmissionCommand command = new SubmissionCommand(
                clinicId,
                pseudonymId,
                submission.instrument().code(),
                submission.instrument().version(),
                timepoint(submission.timepoint()),
                submission.sessionId(),
                null,
                submission.followUpWeeks(),
                submission.answeredAt(),
                submission.recallPeriod(),
                submission.answers(),
                submission.draft(),
                idempotencyKey,
                submittedBy);
        try {
            return assessments.submit(command);
        } catch (UnprocessableException e) {
            throw FhirFailures.unprocessable(issues(e.problems(), IssueType.BUSINESSRULE, itemExpressions));
        } catch (InvalidRequestException e) {
            throw FhirFailures.of(400, issues(e.problems(), IssueType.INVALID, itemExpressions));
        }
    }

    /** Without the extension a response is an ad-hoc assessment, outside any schedule. */
    private static Timepoint timepoint(String code) {
        if (code == null) {
            return Timepoint.AD_HOC;
        }
        try {
            return Timepoint.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw FhirFailures.badRequest(
                    "the timepoint extension must be one of " + List.of(Timepoint.values()),
                    QR + ".extension('" + MeridianFhir.TIMEPOINT_EXTENSION + "')");
        }
    }

    private static List<FhirIssue> issues(
            List<FieldProblem> problems, IssueType type, Map<String, String> itemExpressions) {
        return problems.stream()
                .map(problem -> new FhirIssue(type, describe(problem), expression(problem.field(), itemExpressions)))
                .toList();
    }

    private static String describe(FieldProblem problem) {
        String field = problem.field().startsWith("answers.")
                ? "item '" + problem.field().substring("answers.".length()) + "'"
                : problem.field();
        return field + " " + problem.message();
    }

    /** The native API's field names, as the element of the QuestionnaireResponse that carries them. */
    private static String expression(String field, Map<String, String> itemExpressions) {
        if (field.startsWith("answers.")) {
            String item = field.substring("answers.".length());
            return itemExpressions.getOrDefault(item, QR + ".item.where(linkId='" + item + "')");
        }
        return switch (field) {
            case "instrumentCode", "instrumentVersion" -> QR + ".questionnaire";
            case "answeredAt" -> QR + ".authored";
            case "sessionId" -> QR + ".partOf";
            case "timepoint" -> QR + ".extension('" + MeridianFhir.TIMEPOINT_EXTENSION + "')";
            case "followUpWeeks" -> QR + ".extension('" + MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION + "')";
            case "recallPeriod" -> QR + ".extension('" + MeridianFhir.RECALL_PERIOD_EXTENSION + "')";
            default -> QR;
        };
    }
}
