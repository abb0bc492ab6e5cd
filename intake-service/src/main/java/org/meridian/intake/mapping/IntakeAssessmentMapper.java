package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.blankToNull;
import static org.meridian.intake.mapping.Values.orEmpty;
import static org.meridian.intake.mapping.Values.utc;

import java.util.EnumSet;
import java.util.List;
import org.meridian.intake.domain.AnalgesicUse;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.PainSite;
import org.meridian.intake.domain.PriorTreatment;
import org.meridian.intake.domain.RedFlags;
import org.meridian.intake.rest.dto.AnalgesicUseDto;
import org.meridian.intake.rest.dto.IntakeAssessmentRequest;
import org.meridian.intake.rest.dto.IntakeAssessmentResponse;
import org.meridian.intake.rest.dto.NcdEligibilityDto;
import org.meridian.intake.rest.dto.RedFlagAcknowledgementRequest;
import org.meridian.intake.rest.dto.RedFlagAcknowledgementResponse;
import org.meridian.intake.rest.dto.RedFlagsDto;
import org.meridian.intake.service.IntakeAssessmentService.AcknowledgementDraft;
import org.meridian.intake.service.IntakeAssessmentService.AssessmentDraft;

public final class IntakeAssessmentMapper {

    private IntakeAssessmentMapper() {}

    public static AssessmentDraft toDraft(IntakeAssessmentRequest request) {
        RedFlags redFlags = new RedFlags();
        RedFlagsDto flags = request.redFlags();
        redFlags.saddleAnaesthesiaOrBladderBowelChange = flags.saddleAnaesthesiaOrBladderBowelChange();
        redFlags.fever = flags.fever();
        redFlags.majorTrauma = flags.majorTrauma();
        redFlags.historyOfCancer = flags.historyOfCancer();
        redFlags.unexplainedWeightLoss = flags.unexplainedWeightLoss();
        redFlags.progressiveNeurologicalDeficit = flags.progressiveNeurologicalDeficit();
        List<AnalgesicUse> analgesics = orEmpty(request.analgesics()).stream()
                .map(use -> new AnalgesicUse(use.drugClass(), use.daysPerWeek(), blankToNull(use.name())))
                .toList();
        List<PriorTreatment> prior = orEmpty(request.priorTreatments());
        return new AssessmentDraft(
                request.assessedOn(),
                request.assessedBy(),
                EnumSet.copyOf(request.painSites()),
                request.onsetDate(),
                request.painDurationMonths(),
                request.painFrequency(),
                request.identifiableSystemicCause(),
                request.associatedWithSurgery(),
                request.associatedWithPregnancy(),
                redFlags,
                analgesics,
                prior.isEmpty() ? EnumSet.noneOf(PriorTreatment.class) : EnumSet.copyOf(prior),
                request.workStatus(),
                blankToNull(request.notes()));
    }

    public static AcknowledgementDraft toDraft(RedFlagAcknowledgementRequest request) {
        return new AcknowledgementDraft(request.practitionerId(), request.note().strip());
    }

    public static IntakeAssessmentResponse toResponse(IntakeAssessment assessment) {
        RedFlags flags = assessment.redFlags;
        RedFlagAcknowledgementResponse acknowledgement = assessment.redFlagAcknowledgedAt == null
                ? null
                : new RedFlagAcknowledgementResponse(
                        assessment.redFlagAcknowledgedBy,
                        utc(assessment.redFlagAcknowledgedAt),
                        assessment.redFlagAcknowledgementNote);
        List<PainSite> painSites = assessment.painSites();
        return new IntakeAssessmentResponse(
                assessment.id,
                assessment.patientId,
                assessment.assessedOn,
                assessment.assessedBy,
                painSites,
                assessment.onsetDate,
                assessment.painDurationMonths,
                assessment.painFrequency,
                assessment.painDurationDays,
                assessment.chronicity,
                assessment.identifiableSystemicCause,
                assessment.associatedWithSurgery,
                assessment.associatedWithPregnancy,
                NcdEligibilityDto.of(assessment.ncd()),
                new RedFlagsDto(
                        flags.saddleAnaesthesiaOrBladderBowelChange,
                        flags.fever,
                        flags.majorTrauma,
                        flags.historyOfCancer,
                        flags.unexplainedWeightLoss,
                        flags.progressiveNeurologicalDeficit),
                assessment.redFlagPositive,
                acknowledgement,
                assessment.awaitingRedFlagAcknowledgement(),
                assessment.analgesics.stream()
                        .map(use -> new AnalgesicUseDto(use.drugClass, use.daysPerWeek, use.name))
                        .toList(),
                assessment.priorTreatments.stream().sorted().toList(),
                assessment.workStatus,
                assessment.notes,
                Values.actor(assessment.enteredBy),
                utc(assessment.recordedAt),
                assessment.version);
    }
}
