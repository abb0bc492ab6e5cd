package org.meridian.outcomes.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirIssue;
import org.meridian.platform.fhir.Uuids;

/**
 * Reads a FHIR QuestionnaireResponse as a submission. Structural problems (a required element missing, a malformed
 * reference) are 400s; content Meridian cannot accept (unknown questionnaire, unknown item, an answer that is not an
 * integer code) is a 422 naming each offending element. Whether the answers can be scored is the scoring engine's
 * call, made on {@link FhirSubmission#answers()}.
 */
public final class QuestionnaireResponseReader {

    private static final String QR = "QuestionnaireResponse";

    private final FhirCatalogue catalogue;

    public QuestionnaireResponseReader(FhirCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public FhirSubmission read(QuestionnaireResponse response) {
        List<FhirIssue> structural = new ArrayList<>();
        if (!response.hasQuestionnaire()) {
            structural.add(new FhirIssue(
                    IssueType.REQUIRED,
                    "questionnaire (the canonical url|version) is required",
                    QR + ".questionnaire"));
        }
        if (!response.hasAuthored()) {
            structural.add(new FhirIssue(
                    IssueType.REQUIRED, "authored (when the patient answered) is required", QR + ".authored"));
        }
        if (!response.hasStatus()) {
            structural.add(new FhirIssue(IssueType.REQUIRED, "status is required", QR + ".status"));
        }
        Optional<UUID> pseudonym = subject(response.getSubject(), structural);
        UUID sessionId = session(response.getPartOf(), structural);
        Integer followUpWeeks = followUpWeeks(response, structural);
        if (!structural.isEmpty()) {
            throw FhirFailures.of(400, structural);
        }

        InstrumentDefinition instrument = catalogue
                .byCanonical(response.getQuestionnaire())
                .orElseThrow(() -> FhirFailures.unprocessable(List.of(new FhirIssue(
                        IssueType.NOTFOUND,
                        "questionnaire '" + response.getQuestionnaire() + "' is not a Meridian Questionnaire; see"
                                + " GET /fhir/r4/Questionnaire for the canonical url|version of each",
                        QR + ".questionnaire"))));
        List<FhirIssue> content = new ArrayList<>();
        boolean draft = switch (response.getStatus()) {
            case COMPLETED -> false;
            case INPROGRESS -> true;
            default -> {
                content.add(new FhirIssue(
                        IssueType.NOTSUPPORTED,
                        "status must be 'completed' (scored) or"
                                + " 'in-progress' (saved as an incomplete draft), not '"
                                + response.getStatus().toCode() + "'",
                        QR + ".status"));
                yield false;
            }
        };
        Map<String, Object> answers = answers(instrument, response.getItem(), content);
        if (!content.isEmpty()) {
            throw FhirFailures.unprocessable(content);
        }
        String key = response.hasIdentifier() ? SubmissionIdentifiers.toKey(response.getIdentifier()) : null;
        return new FhirSubmission(
                instrument,
                answers,
                draft,
                pseudonym,
                response.getAuthored().toInstant(),
                sessionId,
                codeExtension(response, MeridianFhir.TIMEPOINT_EXTENSION),
                followUpWeeks,
                codeExtension(response, MeridianFhir.RECALL_PERIOD_EXTENSION),
                key);
    }

    /** Where each item code sits in the response, for pointing scoring problems at the right element. */
    public static Map<String, String> itemExpressions(QuestionnaireResponse response) {
        Map<String, String> expressions = new HashMap<>();
        List<QuestionnaireResponseItemComponent> items = response.getItem();
        for (int index = 0; index < items.size(); index++) {
            expressions.putIfAbsent(items.get(index).getLinkId(), QR + ".item[" + index + "]");
        }
        return expressions;
    }

    private static Map<String, Object> answers(
            InstrumentDefinition instrument, List<QuestionnaireResponseItemComponent> items, List<FhirIssue> issues) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int index = 0; index < items.size(); index++) {
            QuestionnaireResponseItemComponent item = items.get(index);
            String path = QR + ".item[" + index + "]";
            String linkId = item.getLinkId();
            if (linkId == null || instrument.item(linkId).isEmpty()) {
                issues.add(new FhirIssue(
                        IssueType.VALUE,
                        "linkId '" + linkId + "' is not an item of " + instrument.label() + " (items: "
                                + String.join(", ", instrument.itemCodes()) + ")",
                        path + ".linkId"));
                continue;
            }
            if (answers.containsKey(linkId)) {
                issues.add(
                        new FhirIssue(IssueType.DUPLICATE, "item '" + linkId + "' is answered more than once", path));
                continue;
            }
            if (item.hasItem()) {
                issues.add(new FhirIssue(
                        IssueType.STRUCTURE, "item '" + linkId + "' has no nested items", path + ".item"));
            }
            List<QuestionnaireResponseItemAnswerComponent> given = item.getAnswer();
            if (given.size() > 1) {
                issues.add(new FhirIssue(
                        IssueType.VALUE,
                        "item '" + linkId + "' takes one answer, not " + given.size(),
                        path + ".answer"));
                continue;
            }
            answers.put(
                    linkId,
                    given.isEmpty() ? null : answerValue(linkId, given.getFirst(), path + ".answer[0]", issues));
        }
        return answers;
    }

    private static Object answerValue(
            String linkId, QuestionnaireResponseItemAnswerComponent answer, String path, List<FhirIssue> issues) {
        if (answer.hasItem()) {
            issues.add(new FhirIssue(
                    IssueType.STRUCTURE, "the answer to '" + linkId + "' has no nested items", path + ".item"));
        }
        Type value = answer.getValue();
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            return integer.getValue();
        }
        if (value instanceof Coding coding) {
            if (coding.hasSystem() && !MeridianFhir.ANSWER_SYSTEM.equals(coding.getSystem())) {
                issues.add(new FhirIssue(
                        IssueType.CODEINVALID,
                        "the answer to '" + linkId + "' must be a code of " + MeridianFhir.ANSWER_SYSTEM + ", not of "
                                + coding.getSystem(),
                        path + ".valueCoding.system"));
                return null;
            }
            if (coding.getCode() == null || !coding.getCode().matches("-?\\d{1,9}")) {
                issues.add(new FhirIssue(
                        IssueType.CODEINVALID,
                        "the answer to '" + linkId + "' must be one of the" + " item's integer answer codes, not '"
                                + coding.getCode() + "'",
                        path + ".valueCoding.code"));
                return null;
            }
            return Integer.valueOf(coding.getCode());
        }
        String type = value == null ? "no value" : "value" + capitalised(value.fhirType());
        issues.add(new FhirIssue(
                IssueType.VALUE,
                "the answer to '" + linkId + "' must be valueCoding or" + " valueInteger, not " + type,
                path));
        return null;
    }

    private static Optional<UUID> subject(Reference subject, List<FhirIssue> issues) {
        if (subject == null || subject.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> pseudonym = PatientReferences.pseudonymOf(subject);
        if (pseudonym.isEmpty()) {
            issues.add(new FhirIssue(
                    IssueType.INVALID,
                    "subject must identify the patient by pseudonymous id:" + " {\"identifier\": {\"system\": \""
                            + MeridianFhir.PSEUDONYM_SYSTEM + "\", \"value\": \"<uuid>\"}}",
                    QR + ".subject"));
        }
        return pseudonym;
    }

    private static UUID session(List<Reference> partOf, List<FhirIssue> issues) {
        if (partOf.isEmpty()) {
            return null;
        }
        Optional<UUID> session = partOf.size() == 1 ? procedureId(partOf.getFirst()) : Optional.empty();
        if (session.isEmpty()) {
            issues.add(new FhirIssue(
                    IssueType.INVALID, "partOf may name one session, as \"Procedure/<sessionId>\"", QR + ".partOf"));
            return null;
        }
        return session.get();
    }

    private static Optional<UUID> procedureId(Reference reference) {
        String value = reference.getReference();
        if (value == null || !value.startsWith("Procedure/")) {
            return Optional.empty();
        }
        return Uuids.parse(value.substring("Procedure/".length()));
    }

    private static Integer followUpWeeks(QuestionnaireResponse response, List<FhirIssue> issues) {
        Extension extension = response.getExtensionByUrl(MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION);
        if (extension == null) {
            return null;
        }
        // the native API's bounds (SubmitAssessmentRequest), which the OpenAPI document declares for what is stored
        if (extension.getValue() instanceof IntegerType weeks
                && weeks.getValue() != null
                && weeks.getValue() >= 1
                && weeks.getValue() <= 520) {
            return weeks.getValue();
        }
        issues.add(new FhirIssue(
                IssueType.INVALID,
                "the follow-up-weeks extension needs a valueInteger from 1 to 520",
                QR + ".extension('" + MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION + "')"));
        return null;
    }

    private static String codeExtension(QuestionnaireResponse response, String url) {
        Extension extension = response.getExtensionByUrl(url);
        if (extension == null) {
            return null;
        }
        if (extension.getValue() instanceof Coding coding) {
            return coding.getCode();
        }
        return extension.getValue() instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
    }

    private static String capitalised(String type) {
        return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
