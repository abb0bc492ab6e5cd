package org.meridian.outcomes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirIssue;

class QuestionnaireResponseReaderTest {

    private final QuestionnaireResponseReader reader = new QuestionnaireResponseReader(FhirSamples.FHIR_CATALOGUE);
    private final QuestionnaireResponseWriter writer = new QuestionnaireResponseWriter();

    private static InstrumentDefinition instrument(String code) {
        return FhirSamples.CATALOGUE.findCurrent(code).orElseThrow();
    }

    private QuestionnaireResponse written(String code) {
        InstrumentDefinition instrument = instrument(code);
        return writer.toResource(FhirSamples.stored(instrument, FhirSamples.answers(instrument), false), instrument);
    }

    private static BaseServerResponseException failure(Runnable read) {
        return catchThrowableOfType(BaseServerResponseException.class, read::run);
    }

    @Test
    void aResponseScoresExactlyLikeTheSameAnswersSubmittedNatively() {
        for (InstrumentDefinition instrument : FhirSamples.instruments()) {
            Map<String, Integer> answers = FhirSamples.answers(instrument);
            QuestionnaireResponse response =
                    writer.toResource(FhirSamples.stored(instrument, answers, false), instrument);

            FhirSubmission read = reader.read(response);

            assertThat(read.instrument()).isSameAs(instrument);
            Score viaFhir = FhirSamples.score(read.instrument(), read.answers());
            Score native_ = FhirSamples.score(instrument, answers);
            assertThat(viaFhir.exactValue()).as(instrument.label()).isEqualTo(native_.exactValue());
            assertThat(viaFhir.details()).as(instrument.label()).isEqualTo(native_.details());
            assertThat(viaFhir.itemsMissing()).isEqualTo(native_.itemsMissing());
        }
    }

    @Test
    void readsSubjectSessionTimepointIdentifierAndAuthoredTime() {
        FhirSubmission read = reader.read(written("ODI"));

        assertThat(read.pseudonymId()).contains(FhirSamples.PSEUDONYM);
        assertThat(read.sessionId()).isEqualTo(FhirSamples.SESSION);
        assertThat(read.timepoint()).isEqualTo("POST_SESSION");
        assertThat(read.answeredAt()).isEqualTo(FhirSamples.ANSWERED);
        assertThat(read.idempotencyKey()).startsWith("app-");
        assertThat(read.draft()).isFalse();
    }

    @Test
    void acceptsIntegerAnswersAndABareUrlForTheCurrentVersion() {
        QuestionnaireResponse response = new QuestionnaireResponse()
                .setQuestionnaire("https://meridian.example/fhir/Questionnaire/nrs-back-pain")
                .setStatus(QuestionnaireResponseStatus.COMPLETED)
                .setAuthored(new Date());
        response.addItem().setLinkId("back_pain_nrs").addAnswer().setValue(new IntegerType(7));

        FhirSubmission read = reader.read(response);

        assertThat(read.instrument().code()).isEqualTo("NRS_BACK_PAIN");
        assertThat(read.answers()).containsEntry("back_pain_nrs", 7);
        assertThat(read.pseudonymId()).isEmpty();
    }

    @Test
    void inProgressMeansAnIncompleteDraft() {
        QuestionnaireResponse response = written("PEG").setStatus(QuestionnaireResponseStatus.INPROGRESS);

        assertThat(reader.read(response).draft()).isTrue();
    }

    @Test
    void anUnknownQuestionnaireIsUnprocessable() {
        QuestionnaireResponse response =
                written("ODI").setQuestionnaire("https://meridian.example/fhir/Questionnaire/odi|9.9");

        BaseServerResponseException failure = failure(() -> reader.read(response));

        assertThat(failure.getStatusCode()).isEqualTo(422);
        assertThat(FhirFailures.issues(failure).getFirst().type()).isEqualTo(IssueType.NOTFOUND);
        assertThat(FhirFailures.issues(failure).getFirst().expression())
                .isEqualTo("QuestionnaireResponse.questionnaire");
    }

    @Test
    void anAnswerOfTheWrongTypeIsUnprocessableAndNamesTheElement() {
        QuestionnaireResponse response = written("ODI");
        response.getItem().get(2).getAnswerFirstRep().setValue(new StringType("3"));

        BaseServerResponseException failure = failure(() -> reader.read(response));

        assertThat(failure.getStatusCode()).isEqualTo(422);
        assertThat(FhirFailures.issues(failure)).singleElement().satisfies(issue -> {
            assertThat(issue.expression()).isEqualTo("QuestionnaireResponse.item[2].answer[0]");
            assertThat(issue.diagnostics()).contains("odi_03_lifting", "valueString");
        });
    }

    @Test
    void unknownItemsForeignAnswerSystemsAndNonIntegerCodesAreUnprocessable() {
        QuestionnaireResponse response = written("PEG");
        response.getItem().get(0).getAnswerFirstRep().setValue(new Coding("http://loinc.org", "LA6112-2", "1"));
        response.getItem().get(1).getAnswerFirstRep().setValue(new Coding(MeridianFhir.ANSWER_SYSTEM, "three", null));
        response.addItem().setLinkId("peg_mood").addAnswer().setValue(new IntegerType(1));

        BaseServerResponseException failure = failure(() -> reader.read(response));

        assertThat(failure.getStatusCode()).isEqualTo(422);
        assertThat(FhirFailures.issues(failure))
                .extracting(FhirIssue::expression)
                .containsExactly(
                        "QuestionnaireResponse.item[0].answer[0].valueCoding.system",
                        "QuestionnaireResponse.item[1].answer[0].valueCoding.code",
                        "QuestionnaireResponse.item[3].linkId");
    }

    @Test
    void aMissingAuthoredTimeOrALiteralPatientReferenceIsABadRequest() {
        QuestionnaireResponse response = written("RMDQ");
        response.setAuthoredElement(null);
        response.setSubject(new Reference("Patient/123"));

        BaseServerResponseException failure = failure(() -> reader.read(response));

        assertThat(failure.getStatusCode()).isEqualTo(400);
        assertThat(FhirFailures.issues(failure))
                .extracting(FhirIssue::expression)
                .containsExactly("QuestionnaireResponse.authored", "QuestionnaireResponse.subject");
    }

    /** The native API takes 1 to 520 weeks and the OpenAPI document declares that for every stored assessment. */
    @Test
    void aFollowUpBeyondTheNativeApisLimitIsRefused() {
        QuestionnaireResponse response = written("PGIC");
        response.getExtension()
                .removeIf(extension -> extension.getUrl().equals(MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION));
        response.addExtension(MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION, new IntegerType(521));

        BaseServerResponseException failure = failure(() -> reader.read(response));

        assertThat(failure).isNotNull();
        assertThat(failure.getStatusCode()).isBetween(400, 422);
        assertThat(FhirFailures.issues(failure))
                .anySatisfy(issue -> assertThat(issue.expression()).contains(MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION));
    }

    @Test
    void onlyCompletedAndInProgressResponsesAreAccepted() {
        QuestionnaireResponse response = written("PGIC").setStatus(QuestionnaireResponseStatus.AMENDED);

        BaseServerResponseException failure = failure(() -> reader.read(response));

        assertThat(failure.getStatusCode()).isEqualTo(422);
        assertThat(FhirFailures.issues(failure).getFirst().expression()).isEqualTo("QuestionnaireResponse.status");
    }

    @Test
    void theWriterLeavesUnansweredItemsOut() {
        InstrumentDefinition odi = instrument("ODI");
        QuestionnaireResponse response =
                writer.toResource(FhirSamples.stored(odi, FhirSamples.answers(odi), false), odi);

        assertThat(response.getItem()).hasSize(9);
        assertThat(response.getQuestionnaire()).isEqualTo("https://meridian.example/fhir/Questionnaire/odi|2.1a");
        assertThat(response.getItemFirstRep()
                        .getAnswerFirstRep()
                        .getValueCoding()
                        .getDisplay())
                .isNotBlank();
    }
}
