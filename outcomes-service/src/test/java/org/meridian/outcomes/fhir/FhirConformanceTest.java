package org.meridian.outcomes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirIssue;
import org.meridian.platform.fhir.OperationOutcomes;
import org.meridian.platform.test.fhir.FhirInstanceValidation;
import org.meridian.platform.test.fhir.FhirInstanceValidation.Report;

/**
 * Everything the fhir package emits validates against the FHIR R4 base specification with zero errors; responses
 * also against their Questionnaire. Few tests, each covering a whole family, because validation is slow.
 */
class FhirConformanceTest {

    private static final List<Report> REPORTS = new ArrayList<>();

    @AfterAll
    static void summarise() {
        FhirInstanceValidation.printSummary("FHIR validation", REPORTS);
    }

    @Test
    void everyQuestionnaireValidates() {
        QuestionnaireMapper mapper = new QuestionnaireMapper();
        assertValid(
                FhirSamples.instruments().stream().map(mapper::toQuestionnaire).toList());
    }

    @Test
    void sampleResponsesOfEveryInstrumentValidateAgainstTheirQuestionnaire() {
        QuestionnaireResponseWriter writer = new QuestionnaireResponseWriter();
        List<IBaseResource> responses = new ArrayList<>();
        for (InstrumentDefinition instrument : FhirSamples.instruments()) {
            Map<String, Integer> answers = FhirSamples.answers(instrument);
            responses.add(writer.toResource(FhirSamples.stored(instrument, answers, false), instrument));
            Map<String, Integer> partial = new LinkedHashMap<>(answers);
            partial.put(instrument.itemCodes().getFirst(), null);
            partial.put(instrument.itemCodes().getLast(), null);
            responses.add(writer.toResource(FhirSamples.stored(instrument, partial, true), instrument));
        }
        assertValid(responses);
    }

    @Test
    void validatorRejectsAnAnswerTheQuestionnaireDoesNotOffer() {
        InstrumentDefinition odi = FhirSamples.CATALOGUE.findCurrent("ODI").orElseThrow();
        QuestionnaireResponse response = new QuestionnaireResponseWriter()
                .toResource(FhirSamples.stored(odi, FhirSamples.answers(odi), false), odi);
        response.getItemFirstRep().getAnswerFirstRep().setValue(new Coding(MeridianFhir.ANSWER_SYSTEM, "9", "9"));

        assertThat(FhirValidation.validator().validate(response).errors()).isNotEmpty();
    }

    @Test
    void validatorChecksMeridianExtensionsAgainstTheirDefinitions() {
        InstrumentDefinition pgic = FhirSamples.CATALOGUE.findCurrent("PGIC").orElseThrow();
        QuestionnaireResponse response = new QuestionnaireResponseWriter()
                .toResource(FhirSamples.stored(pgic, FhirSamples.answers(pgic), false), pgic);
        response.addExtension(MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION, new StringType("twelve"));
        response.addExtension(MeridianFhir.CANONICAL_BASE + "/StructureDefinition/undefined", new StringType("x"));

        assertThat(FhirValidation.validator().validate(response).errors()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void sampleObservationsOfEveryInstrumentValidate() {
        ObservationMapper mapper = new ObservationMapper();
        assertValid(FhirSamples.instruments().stream()
                .map(instrument -> {
                    Map<String, Integer> answers = FhirSamples.answers(instrument);
                    return (IBaseResource) mapper.toObservation(
                            FhirSamples.stored(instrument, answers, false),
                            instrument,
                            FhirSamples.score(instrument, answers));
                })
                .toList());
    }

    @Test
    void capabilityStatementCodeSystemsAndOperationOutcomesValidate() {
        List<IBaseResource> resources = new ArrayList<>();
        resources.add(new CapabilityStatementFactory().create(Date.from(Instant.parse("2026-11-22T00:00:00Z"))));
        resources.addAll(MeridianCodeSystems.all());
        resources.add(OperationOutcomes.of(List.of(
                new FhirIssue(
                        IssueType.VALUE,
                        "the answer to 'odi_03_lifting' must be valueCoding or valueInteger",
                        "QuestionnaireResponse.item[2].answer[0]"),
                FhirIssue.of(IssueType.BUSINESSRULE, "ODI 2.1a cannot be scored"))));
        resources.add(FhirFailures.outcome(FhirFailures.notFound("No QuestionnaireResponse with id 42")));
        resources.add(FhirFailures.outcome(FhirFailures.badRequest(
                "QuestionnaireResponse.identifier.value must not contain the NUL character (U+0000)",
                "QuestionnaireResponse.identifier.value")));
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 412, 415, 422, 500, 503}) {
            resources.add(OperationOutcomes.forStatus(status, "HTTP " + status));
        }
        assertValid(resources);
    }

    private static void assertValid(List<? extends IBaseResource> resources) {
        FhirValidation.validator().assertValid(resources, REPORTS);
    }
}
