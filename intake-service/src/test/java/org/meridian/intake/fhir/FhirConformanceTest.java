package org.meridian.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.meridian.intake.domain.AdverseEventType;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.domain.SciaticaSide;
import org.meridian.intake.domain.SessionCancelReason;
import org.meridian.intake.domain.Severity;
import org.meridian.intake.domain.Sex;
import org.meridian.intake.domain.Stimulation;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirIssue;
import org.meridian.platform.fhir.OperationOutcomes;
import org.meridian.platform.test.fhir.FhirInstanceValidation;
import org.meridian.platform.test.fhir.FhirInstanceValidation.Report;

/**
 * Everything intake's fhir package emits validates against the FHIR R4 base specification with zero errors. Few
 * tests, each covering a whole family, because validation is slow.
 */
class FhirConformanceTest {

    private static final List<Report> REPORTS = new ArrayList<>();
    private static final ProcedureMapper PROCEDURES = new ProcedureMapper(FhirValidation::acupoint);

    @AfterAll
    static void summarise() {
        FhirInstanceValidation.printSummary("FHIR validation (intake)", REPORTS);
    }

    @Test
    void patientsOfEverySexWithEveryIdentifierKindValidate() {
        List<IBaseResource> patients = new ArrayList<>();
        for (Sex sex : Sex.values()) {
            patients.add(PatientMapper.toResource(FhirSamples.patient(sex)));
        }
        Patient bare = FhirSamples.patient(Sex.FEMALE);
        bare.email = null;
        bare.phone = null;
        bare.identifiers.clear();
        patients.add(PatientMapper.toResource(bare));
        assertValid(patients);
    }

    @Test
    void proceduresOfCompletedCancelledAndErroneousSessionsValidate() {
        Practitioner practitioner = FhirSamples.practitioner();
        List<IBaseResource> procedures = new ArrayList<>();
        for (Stimulation stimulation : Stimulation.values()) {
            procedures.add(PROCEDURES.toResource(
                    FhirSamples.session(FhirSamples.CLINIC, practitioner.id, stimulation), practitioner));
        }
        for (SessionCancelReason reason : SessionCancelReason.values()) {
            procedures.add(PROCEDURES.toResource(
                    FhirSamples.cancelled(
                            FhirSamples.session(FhirSamples.CLINIC, practitioner.id, Stimulation.MANUAL), reason),
                    null));
        }
        assertValid(procedures);
    }

    @Test
    void procedureCarriesTheSessionsStrictaDetails() {
        Practitioner practitioner = FhirSamples.practitioner();
        TreatmentSession session = FhirSamples.session(FhirSamples.CLINIC, practitioner.id, Stimulation.ELECTRO);
        Procedure procedure = PROCEDURES.toResource(session, practitioner);

        assertThat(procedure.getIdPart()).isEqualTo(session.id.toString());
        assertThat(procedure.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        assertThat(procedure.getCode().getCodingFirstRep().getCode()).isEqualTo("44868003");
        assertThat(procedure.getPerformerFirstRep().getActor().getDisplay()).isEqualTo("Mei Lin");
        assertThat(procedure.getBodySite()).hasSize(4);
        assertThat(procedure.getBodySiteFirstRep().getCodingFirstRep().getDisplay())
                .isEqualTo("Shenshu (BL23)");
        assertThat(procedure.getBodySiteFirstRep().getText()).isEqualTo("BL23 Shenshu, bilateral, 25 mm");
        assertThat(((Coding) procedure
                                .getBodySite()
                                .get(2)
                                .getExtensionByUrl(MeridianFhir.NEEDLE_SIDE_EXTENSION)
                                .getValue())
                        .getCode())
                .isEqualTo("LEFT");
        assertThat(procedure.getNoteFirstRep().getText())
                .contains(
                        "8 needles (0.25 x 40 mm, stainless steel, Seirin)",
                        "GB30 left 60 mm",
                        "de qi elicited",
                        "electro-acupuncture stimulation at 2 Hz",
                        "retained 20 minutes",
                        "cupping (Fire cupping, 5 minutes); heat");
        assertThat(PROCEDURES
                        .toResource(FhirSamples.cancelled(session, SessionCancelReason.RECORDED_IN_ERROR), practitioner)
                        .getStatus())
                .isEqualTo(Procedure.ProcedureStatus.ENTEREDINERROR);
    }

    @Test
    void conditionsOfEveryPainSiteWithAndWithoutRedFlagsValidate() {
        List<IBaseResource> conditions = new ArrayList<>();
        for (SciaticaSide side : SciaticaSide.values()) {
            IntakeAssessment assessment =
                    FhirSamples.assessment(FhirSamples.CLINIC, side == SciaticaSide.LEFT, side != SciaticaSide.RIGHT);
            assessment.sciaticaSide = side;
            if (side == SciaticaSide.BILATERAL) {
                assessment.redFlagPositive = true;
                assessment.redFlags.fever = true;
                assessment.redFlagAcknowledgedAt = Instant.parse("2026-11-21T09:00:00Z");
            }
            conditions.addAll(ConditionMapper.toResources(assessment));
        }
        assertThat(conditions).hasSize(9);
        assertValid(conditions);
    }

    @Test
    void conditionsUseOnlyConfirmedSnomedCodes() {
        IntakeAssessment assessment = FhirSamples.assessment(FhirSamples.CLINIC, true, false);
        List<String> codes = ConditionMapper.toResources(assessment).stream()
                .flatMap(condition -> condition.getCode().getCoding().stream())
                .map(Coding::getCode)
                .toList();
        assertThat(codes).containsExactly("279039007", "23056005");
        assertThat(ConditionMapper.toResources(assessment).get(1).getCode().getText())
                .isEqualTo("Upper back pain");
        assertThat(ConditionMapper.toResources(assessment).getFirst().getNote())
                .extracting(note -> note.getText())
                .anySatisfy(text -> assertThat(text).startsWith("Chronic back pain by the NIH Task Force"))
                .anySatisfy(text -> assertThat(text).contains("history of cancer", "refer before needling"));
    }

    @Test
    void adverseEventsOfEverySeverityAndTypeValidate() {
        List<IBaseResource> events = new ArrayList<>();
        TreatmentSession session = FhirSamples.session(FhirSamples.CLINIC, FhirSamples.CLINIC, Stimulation.MANUAL);
        for (Severity severity : Severity.values()) {
            for (AdverseEventType type : AdverseEventType.values()) {
                events.add(AdverseEventMapper.toResource(
                        FhirSamples.adverseEvent(session.id, severity == Severity.SEVERE, severity, type), session));
            }
        }
        assertValid(events);
    }

    @Test
    void capabilityStatementCodeSystemsBundlesAndOperationOutcomesValidate() {
        List<IBaseResource> resources = new ArrayList<>();
        resources.add(new CapabilityStatementFactory().create(Date.from(Instant.parse("2026-11-22T00:00:00Z"))));
        resources.addAll(IntakeCodeSystems.all(FhirValidation.ACUPOINTS));
        resources.add(OperationOutcomes.of(List.of(
                new FhirIssue(IssueType.REQUIRED, "birthDate is required", "Patient.birthDate"),
                FhirIssue.of(IssueType.BUSINESSRULE, "identifiers[0].value the same identifier is listed twice"))));
        resources.add(FhirFailures.outcome(FhirFailures.notFound("No Patient with id 42")));
        resources.add(FhirFailures.outcome(FhirFailures.of(
                503,
                IssueType.TRANSIENT,
                "Another create of a Patient with identifier https://ehr.example/mrn|MRN-1 is still under way")));
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 412, 415, 422, 500, 503}) {
            resources.add(OperationOutcomes.forStatus(status, "HTTP " + status));
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1);
        org.hl7.fhir.r4.model.Patient patient = PatientMapper.toResource(FhirSamples.patient(Sex.MALE));
        bundle.addLink().setRelation("self").setUrl("http://localhost/fhir/r4/Patient?name=ngu");
        bundle.addEntry()
                .setFullUrl("http://localhost/fhir/r4/Patient/" + patient.getIdPart())
                .setResource(patient)
                .getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH);
        resources.add(bundle);
        assertValid(resources);
    }

    private static void assertValid(List<? extends IBaseResource> resources) {
        FhirValidation.validator().assertValid(resources, REPORTS);
    }
}
