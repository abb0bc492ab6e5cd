package org.meridian.outcomes.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;
import org.meridian.outcomes.scoring.instrument.ResponseOption;
import org.meridian.platform.fhir.FhirDates;

/**
 * A stored assessment as a QuestionnaireResponse: answered items in the instrument's order, each answer the option's
 * coding exactly as the Questionnaire offers it; unanswered items (and ODI "not applicable") are left out, which is
 * how FHIR says "not answered".
 */
public final class QuestionnaireResponseWriter {

    public QuestionnaireResponse toResource(StoredSubmission submission, InstrumentDefinition instrument) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(submission.id().toString());
        response.getMeta()
                .setVersionId(String.valueOf(submission.version()))
                .setLastUpdatedElement(FhirDates.instant(submission.updatedAt()));
        SubmissionIdentifiers.fromKey(submission.idempotencyKey()).ifPresent(response::setIdentifier);
        response.setQuestionnaire(MeridianFhir.questionnaireUrl(instrument.code()) + "|" + instrument.version());
        response.setStatus(
                submission.draft() ? QuestionnaireResponseStatus.INPROGRESS : QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(PatientReferences.of(submission.pseudonymId()));
        response.setAuthoredElement(FhirDates.dateTime(submission.answeredAt()));
        if (submission.sessionId() != null) {
            response.addPartOf(new Reference("Procedure/" + submission.sessionId()));
        }
        if (submission.timepoint() != null) {
            response.addExtension(
                    MeridianFhir.TIMEPOINT_EXTENSION,
                    new Coding(MeridianFhir.TIMEPOINT_SYSTEM, submission.timepoint(), null));
        }
        if (submission.followUpWeeks() != null) {
            response.addExtension(MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION, new IntegerType(submission.followUpWeeks()));
        }
        if (submission.recallPeriod() != null) {
            response.addExtension(
                    MeridianFhir.RECALL_PERIOD_EXTENSION,
                    new Coding(MeridianFhir.RECALL_PERIOD_SYSTEM, submission.recallPeriod(), null));
        }
        for (ItemDefinition item : instrument.items()) {
            Integer answer = submission.answers().get(item.code());
            if (answer == null) {
                continue;
            }
            ResponseOption option = item.responseOptions().stream()
                    .filter(candidate -> candidate.value() == answer)
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("stored answer " + answer + " is not a code of " + item.code()));
            response.addItem()
                    .setLinkId(item.code())
                    .setText(item.text())
                    .addAnswer()
                    .setValue(QuestionnaireMapper.answerCoding(option));
        }
        return response;
    }
}
