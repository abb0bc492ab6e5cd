package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.blankToNull;
import static org.meridian.intake.mapping.Values.utc;

import org.meridian.intake.domain.Episode;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.rest.dto.EpisodeRequest;
import org.meridian.intake.rest.dto.EpisodeResponse;
import org.meridian.intake.rest.dto.EpisodeTransitionRequest;
import org.meridian.intake.rest.dto.IntakeClassificationDto;
import org.meridian.intake.rest.dto.NcdEligibilityDto;
import org.meridian.intake.service.EpisodeService.EpisodeDraft;
import org.meridian.intake.service.EpisodeService.TransitionDraft;

public final class EpisodeMapper {

    private EpisodeMapper() {}

    public static EpisodeDraft toDraft(EpisodeRequest request) {
        return new EpisodeDraft(request.startDate(), request.plannedSessions(), blankToNull(request.goals()));
    }

    public static TransitionDraft toDraft(EpisodeTransitionRequest request) {
        return new TransitionDraft(request.status(), request.reason(), blankToNull(request.note()));
    }

    /** {@code classifiedBy}: the patient's latest intake assessment, whose classifications the episode shows. */
    public static EpisodeResponse toResponse(Episode episode, IntakeAssessment classifiedBy) {
        return new EpisodeResponse(
                episode.id,
                episode.patientId,
                episode.startDate,
                episode.plannedSessions,
                episode.goals,
                episode.status,
                episode.closedReason,
                episode.closedNote,
                utc(episode.closedAt),
                utc(episode.activatedAt),
                Values.actor(episode.activatedBy),
                Values.actor(episode.closedBy),
                classifiedBy == null
                        ? null
                        : new IntakeClassificationDto(
                                classifiedBy.id,
                                classifiedBy.assessedOn,
                                classifiedBy.chronicity,
                                NcdEligibilityDto.of(classifiedBy.ncd())),
                utc(episode.createdAt),
                utc(episode.updatedAt),
                episode.version);
    }
}
