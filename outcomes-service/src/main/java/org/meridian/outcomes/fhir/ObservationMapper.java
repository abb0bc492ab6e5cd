package org.meridian.outcomes.fhir;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.math.ScoreRounding;
import org.meridian.outcomes.scoring.result.IssDetails;
import org.meridian.outcomes.scoring.result.NrsDetails;
import org.meridian.outcomes.scoring.result.OdiDetails;
import org.meridian.outcomes.scoring.result.PegDetails;
import org.meridian.outcomes.scoring.result.PgicDetails;
import org.meridian.outcomes.scoring.result.PromisDetails;
import org.meridian.outcomes.scoring.result.RmdqDetails;
import org.meridian.outcomes.scoring.result.StartBackDetails;
import org.meridian.outcomes.scoring.result.VasDetails;
import org.meridian.platform.fhir.FhirDates;

/**
 * A scored assessment as a survey Observation: the primary score as value (integers as valueInteger, ODI % and
 * fractional scores as UCUM quantities), bands, subscales and categories as components. The code carries the LOINC
 * code where docs/scoring.md#licences-and-loinc-codes gives one and always Meridian's own score code. The Observation
 * shares its id with the
 * QuestionnaireResponse it is derived from.
 */
public final class ObservationMapper {

    private static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

    public Observation toObservation(StoredSubmission submission, InstrumentDefinition instrument, Score score) {
        Observation observation = new Observation();
        observation.setId(submission.id().toString());
        observation
                .getMeta()
                .setVersionId(String.valueOf(submission.version()))
                .setLastUpdatedElement(FhirDates.instant(submission.updatedAt()));
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, "survey", "Survey")));
        observation.setCode(code(instrument));
        observation.setSubject(PatientReferences.of(submission.pseudonymId()));
        observation.setEffective(FhirDates.dateTime(submission.answeredAt()));
        observation.setIssuedElement(FhirDates.instant(submission.updatedAt()));
        observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + submission.id()));
        if (submission.sessionId() != null) {
            observation.addPartOf(new Reference("Procedure/" + submission.sessionId()));
        }
        observation.setValue(value(instrument, score));
        addDetails(observation, instrument, score);
        return observation;
    }

    /** The Observation code(s) of an instrument's primary score; also what {@code code} searches match. */
    static CodeableConcept code(InstrumentDefinition instrument) {
        ScoreCodes.Concept local = ScoreCodes.SCORES.get(instrument.code());
        if (local == null) {
            throw new IllegalArgumentException("no score code for instrument " + instrument.code());
        }
        CodeableConcept code = new CodeableConcept();
        LoincCodes.score(instrument).ifPresent(loinc -> code.addCoding(LoincCodes.coding(loinc.code())));
        code.addCoding(new Coding(MeridianFhir.SCORE_SYSTEM, local.code(), local.display()));
        code.setText(local.display());
        return code;
    }

    private static Type value(InstrumentDefinition instrument, Score score) {
        return switch (score.details()) {
            case NrsDetails nrs -> new IntegerType(nrs.painIntensity());
            case VasDetails vas -> new IntegerType(vas.painIntensity());
            case RmdqDetails rmdq -> new IntegerType(rmdq.total());
            case StartBackDetails startBack -> new IntegerType(startBack.total());
            case IssDetails iss -> new IntegerType(iss.total());
            case PgicDetails pgic -> new IntegerType(pgic.code());
            case OdiDetails ignored -> quantity(decimal(score), "%", "%");
            case PegDetails ignored -> quantity(decimal(score), "score", "{score}");
            case PromisDetails promis -> quantity(promis.tScore(), "T-score", "{score}");
        };
    }

    private static void addDetails(Observation observation, InstrumentDefinition instrument, Score score) {
        switch (score.details()) {
            case NrsDetails ignored ->
                observation.setBodySite(new CodeableConcept()
                        .setText(instrument.code().equals(InstrumentCodes.NRS_LEG_PAIN) ? "Leg (sciatica)" : "Back"));
            case OdiDetails odi -> {
                component(observation, ScoreCodes.ODI_RAW_SUM, new IntegerType(odi.total()));
                component(observation, ScoreCodes.ODI_SECTIONS_ANSWERED, new IntegerType(odi.sectionsAnswered()));
                component(observation, ScoreCodes.ODI_BAND, band(odi.category().name()));
            }
            case StartBackDetails startBack -> {
                component(
                        observation,
                        ScoreCodes.STARTBACK_SUBSCALE,
                        new IntegerType(startBack.subscales().psychosocial()));
                component(
                        observation,
                        ScoreCodes.STARTBACK_RISK,
                        band(startBack.category().name()));
            }
            case PromisDetails promis -> {
                component(observation, ScoreCodes.PROMIS_RAW, new IntegerType(promis.total()));
                component(observation, ScoreCodes.PROMIS_SE, quantity(promis.standardError(), "T-score", "{score}"));
                component(
                        observation,
                        ScoreCodes.PROMIS_SEVERITY,
                        band(promis.category().name()));
            }
            case PgicDetails pgic -> {
                component(
                        observation,
                        ScoreCodes.PGIC_CATEGORY,
                        band(pgic.category().name()));
                component(observation, ScoreCodes.PGIC_IMPROVED, new BooleanType(pgic.improved()));
            }
            case IssDetails iss -> {
                component(
                        observation,
                        ScoreCodes.ISS_PHYSICAL_FUNCTION,
                        new IntegerType(iss.subscales().physicalFunction()));
                component(
                        observation,
                        ScoreCodes.ISS_PAIN_INTERFERENCE,
                        new IntegerType(iss.subscales().painInterference()));
                component(
                        observation,
                        ScoreCodes.ISS_PAIN_INTENSITY,
                        new IntegerType(iss.subscales().painIntensity()));
                component(observation, ScoreCodes.ISS_GROUP, band(iss.category().name()));
            }
            case RmdqDetails ignored -> {}
            case PegDetails ignored -> {}
            case VasDetails ignored -> {}
        }
    }

    private static void component(Observation observation, ScoreCodes.Concept concept, Type value) {
        ObservationComponentComponent component = observation.addComponent();
        component.setCode(
                new CodeableConcept(new Coding(MeridianFhir.SCORE_COMPONENT_SYSTEM, concept.code(), concept.display()))
                        .setText(concept.display()));
        component.setValue(value);
    }

    private static CodeableConcept band(String token) {
        String display = ScoreCodes.tokenDisplay(token);
        return new CodeableConcept(new Coding(MeridianFhir.SCORE_BAND_SYSTEM, token, display)).setText(display);
    }

    /** Exact when the decimal ends (40, 35.5), otherwise rounded half-up to 4 places like the API (11/3 -> 3.6667). */
    private static BigDecimal decimal(Score score) {
        return score.exactValue().hasFiniteDecimal() ? score.value() : ScoreRounding.forApi(score.exactValue());
    }

    private static Quantity quantity(BigDecimal value, String unit, String ucumCode) {
        return new Quantity()
                .setValue(value)
                .setUnit(unit)
                .setSystem(MeridianFhir.UCUM)
                .setCode(ucumCode);
    }
}
