package org.meridian.intake.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.meridian.intake.domain.Chronicity;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.RedFlags;
import org.meridian.platform.fhir.FhirDates;
import org.meridian.platform.fhir.Uuids;

/**
 * Back pain from an intake assessment as FHIR Conditions: one per pain site, with the id
 * {@code {assessmentId}-low-back}, {@code -upper-back} or {@code -sciatica}. Low back pain and sciatica carry their
 * SNOMED CT codes; upper back pain is text only (Meridian uses no code it has not confirmed). Chronicity (NIH Task
 * Force) and the red-flag screening are notes.
 */
final class ConditionMapper {

    static final Coding LOW_BACK_PAIN = new Coding(MeridianFhir.SNOMED, "279039007", "Low back pain");
    static final Coding SCIATICA = new Coding(MeridianFhir.SNOMED, "23056005", "Sciatica");
    private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

    /** A pain site of an assessment, and the suffix of its Condition id. */
    enum Site {
        LOW_BACK("low-back"),
        UPPER_BACK("upper-back"),
        SCIATICA("sciatica");

        final String suffix;

        Site(String suffix) {
            this.suffix = suffix;
        }

        static Optional<Site> ofSuffix(String suffix) {
            for (Site site : values()) {
                if (site.suffix.equals(suffix)) {
                    return Optional.of(site);
                }
            }
            return Optional.empty();
        }
    }

    /** A Condition id split into the assessment and site, if it has that shape. */
    record ConditionId(UUID assessmentId, Site site) {

        static Optional<ConditionId> parse(String id) {
            if (id == null || id.length() < 38 || id.charAt(36) != '-') {
                return Optional.empty();
            }
            return Uuids.parse(id.substring(0, 36))
                    .flatMap(uuid -> Site.ofSuffix(id.substring(37)).map(site -> new ConditionId(uuid, site)));
        }

        @Override
        public String toString() {
            return assessmentId + "-" + site.suffix;
        }
    }

    static List<Site> sites(IntakeAssessment assessment) {
        List<Site> sites = new ArrayList<>();
        if (assessment.lowBack) {
            sites.add(Site.LOW_BACK);
        }
        if (assessment.upperBack) {
            sites.add(Site.UPPER_BACK);
        }
        if (assessment.sciaticaSide != null) {
            sites.add(Site.SCIATICA);
        }
        return sites;
    }

    static List<Condition> toResources(IntakeAssessment assessment) {
        return sites(assessment).stream()
                .map(site -> toResource(assessment, site))
                .toList();
    }

    static Condition toResource(IntakeAssessment assessment, Site site) {
        Condition condition = new Condition();
        condition.setId(new ConditionId(assessment.id, site).toString());
        condition
                .getMeta()
                .setVersionId(Long.toString(assessment.version))
                .setLastUpdatedElement(FhirDates.instant(assessment.updatedAt));
        condition.setClinicalStatus(new CodeableConcept().addCoding(new Coding(CLINICAL, "active", "Active")));
        condition.setVerificationStatus(
                new CodeableConcept().addCoding(new Coding(VERIFICATION, "confirmed", "Confirmed")));
        condition.addCategory().addCoding(new Coding(CATEGORY, "problem-list-item", "Problem List Item"));
        switch (site) {
            case LOW_BACK ->
                condition.setCode(
                        new CodeableConcept().addCoding(LOW_BACK_PAIN.copy()).setText("Low back pain"));
            case UPPER_BACK -> {
                condition.setCode(new CodeableConcept().setText("Upper back pain"));
                condition.addBodySite().setText("Upper back (thoracic spine)");
            }
            case SCIATICA -> {
                condition.setCode(
                        new CodeableConcept().addCoding(SCIATICA.copy()).setText("Sciatica"));
                condition
                        .addBodySite()
                        .setText(
                                switch (assessment.sciaticaSide) {
                                    case LEFT -> "Left leg";
                                    case RIGHT -> "Right leg";
                                    case BILATERAL -> "Both legs";
                                });
            }
            default -> throw new IllegalStateException("unknown site " + site);
        }
        condition.setSubject(new Reference("Patient/" + assessment.patientId));
        if (assessment.onsetDate != null) {
            condition.setOnset(new DateTimeType(assessment.onsetDate.toString()));
        } else {
            condition.setOnset(new StringType("About " + assessment.painDurationMonths + " month"
                    + (assessment.painDurationMonths == 1 ? "" : "s") + " before " + assessment.assessedOn));
        }
        condition.setRecordedDateElement(new DateTimeType(assessment.assessedOn.toString()));
        condition.setRecorder(new Reference("Practitioner/" + assessment.assessedBy));
        condition.addNote().setText(chronicity(assessment));
        condition.addNote().setText(redFlags(assessment));
        return condition;
    }

    static String chronicity(IntakeAssessment assessment) {
        if (assessment.chronicity == Chronicity.NOT_APPLICABLE) {
            return "Chronicity by the NIH Task Force definition does not apply: it is for low back pain (with or without"
                    + " leg pain), and none was recorded.";
        }
        String frequency =
                IntakeCodeSystems.label(assessment.painFrequency.name()).toLowerCase();
        return (assessment.chronicity == Chronicity.CHRONIC ? "Chronic" : "Not chronic")
                + " back pain by the NIH Task Force definition (ongoing problem for at least 3 months and on at least"
                + " half the days in the past 6 months): pain for " + assessment.painDurationMonths + " month"
                + (assessment.painDurationMonths == 1 ? "" : "s") + ", " + frequency + ".";
    }

    static String redFlags(IntakeAssessment assessment) {
        RedFlags flags = assessment.redFlags;
        List<String> positive = new ArrayList<>();
        if (flags.saddleAnaesthesiaOrBladderBowelChange) {
            positive.add("saddle anaesthesia or new bladder/bowel dysfunction");
        }
        if (flags.fever) {
            positive.add("fever");
        }
        if (flags.majorTrauma) {
            positive.add("major trauma");
        }
        if (flags.historyOfCancer) {
            positive.add("history of cancer");
        }
        if (flags.unexplainedWeightLoss) {
            positive.add("unexplained weight loss");
        }
        if (flags.progressiveNeurologicalDeficit) {
            positive.add("progressive neurological deficit");
        }
        if (positive.isEmpty()) {
            return "Red-flag screening: negative.";
        }
        String text = "Red-flag screening: positive (" + String.join(", ", positive) + ")";
        return assessment.redFlagAcknowledgedAt == null
                ? text + "; not yet acknowledged by a practitioner: refer before needling."
                : text + "; acknowledged by a practitioner on " + assessment.redFlagAcknowledgedAt + ".";
    }
}
