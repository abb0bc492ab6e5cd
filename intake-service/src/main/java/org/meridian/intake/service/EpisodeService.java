package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Actor;
import org.meridian.intake.domain.Episode;
import org.meridian.intake.domain.EpisodeCloseReason;
import org.meridian.intake.domain.EpisodeStatus;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.persistence.EpisodeRepository;
import org.meridian.intake.persistence.IntakeAssessmentRepository;
import org.meridian.intake.persistence.SessionRepository;
import org.meridian.intake.rest.problem.ProblemType;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.ResourceNotFoundException;
import org.meridian.platform.web.problem.UnprocessableException;

/** Courses of care: planned, activated, then completed or discontinued. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class EpisodeService {

    private final EpisodeRepository episodes;
    private final SessionRepository sessions;
    private final IntakeAssessmentRepository assessments;
    private final Lookups lookups;
    private final Attribution attribution;
    private final NeedlingGate gate;
    private final EventPublisher events;
    private final Clock clock;

    EpisodeService(
            EpisodeRepository episodes,
            SessionRepository sessions,
            IntakeAssessmentRepository assessments,
            Lookups lookups,
            Attribution attribution,
            NeedlingGate gate,
            EventPublisher events,
            Clock clock) {
        this.episodes = episodes;
        this.sessions = sessions;
        this.assessments = assessments;
        this.lookups = lookups;
        this.attribution = attribution;
        this.gate = gate;
        this.events = events;
        this.clock = clock;
    }

    /** Plans a course of care; refused while the patient is not cleared for needling or has an open course. */
    public Episode plan(UUID clinicId, UUID patientId, EpisodeDraft draft) {
        Patient patient = lookups.patient(clinicId, patientId);
        gate.requireClearedForNeedling(clinicId, patientId);
        if (episodes.hasOpenEpisode(clinicId, patientId)) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE,
                    "The patient already has a planned or active episode; complete or discontinue it first");
        }
        Episode episode = new Episode();
        episode.id = UUID.randomUUID();
        episode.clinicId = clinicId;
        episode.patientId = patientId;
        episode.status = EpisodeStatus.PLANNED;
        episode.createdAt = clock.instant();
        apply(episode, draft);
        episodes.persist(episode);
        events.episodeStarted(patient, episode);
        Log.infof("Planned episode %s for patient %s", episode.id, patientId);
        return episode;
    }

    /** Changes the plan of an open episode. */
    public Episode update(UUID clinicId, UUID patientId, UUID episodeId, long expectedVersion, EpisodeDraft draft) {
        Patient patient = lookups.patient(clinicId, patientId);
        Episode episode = episodes.findOfPatient(clinicId, patientId, episodeId)
                .orElseThrow(() -> new ResourceNotFoundException("episode", episodeId));
        Versions.check("episode", expectedVersion, episode.version);
        if (!episode.isOpen()) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE, "A " + episode.status + " episode can no longer be changed");
        }
        ZoneId zone = ZoneId.of(lookups.clinic(clinicId).timeZone);
        sessions.earliestRecordedStart(episodeId)
                .map(started -> started.atZone(zone).toLocalDate())
                .filter(firstSessionDate -> firstSessionDate.isBefore(draft.startDate()))
                .ifPresent(firstSessionDate -> {
                    throw new UnprocessableException(
                            "startDate",
                            ErrorCode.INCONSISTENT,
                            "must not be after the first session, held on " + firstSessionDate);
                });
        apply(episode, draft);
        events.episodeUpdated(patient, episode);
        return episode;
    }

    /**
     * Moves the episode along its life cycle (PLANNED -> ACTIVE -> COMPLETED, or -> DISCONTINUED). Activation checks
     * again that the patient is cleared for needling; discontinuation needs a reason.
     */
    public Episode transition(
            UUID clinicId, UUID patientId, UUID episodeId, Long expectedVersion, TransitionDraft draft) {
        Patient patient = lookups.patient(clinicId, patientId);
        Episode episode = episodes.findOfPatient(clinicId, patientId, episodeId)
                .orElseThrow(() -> new ResourceNotFoundException("episode", episodeId));
        Versions.check("episode", expectedVersion, episode.version);
        if (!Episode.allowedNext(episode.status).contains(draft.status())) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE,
                    "An episode cannot go from " + episode.status + " to " + draft.status() + "; allowed: "
                            + Episode.allowedNext(episode.status));
        }
        if (draft.status() == EpisodeStatus.DISCONTINUED && draft.reason() == null) {
            throw new UnprocessableException("reason", ErrorCode.REQUIRED, "a discontinued episode needs a reason");
        }
        if (draft.status() == EpisodeStatus.ACTIVE) {
            gate.requireClearedForNeedling(clinicId, patientId);
        }
        changeStatus(patient, episode, draft.status(), draft.reason(), draft.note(), attribution.caller(clinicId));
        return episode;
    }

    /**
     * Applies a checked status change by {@code actor} and publishes it; also used when the first session activates
     * an episode (the actor is then who entered that session).
     */
    void changeStatus(
            Patient patient,
            Episode episode,
            EpisodeStatus status,
            EpisodeCloseReason reason,
            String note,
            Actor actor) {
        episode.status = status;
        episode.updatedAt = clock.instant();
        if (status == EpisodeStatus.ACTIVE) {
            episode.activatedAt = episode.updatedAt;
            episode.activatedBy = actor;
        }
        if (status == EpisodeStatus.COMPLETED || status == EpisodeStatus.DISCONTINUED) {
            episode.closedAt = episode.updatedAt;
            episode.closedBy = actor;
            episode.closedReason = reason != null ? reason : EpisodeCloseReason.COURSE_COMPLETED;
            episode.closedNote = note;
            events.episodeClosed(patient, episode);
        } else {
            events.episodeUpdated(patient, episode);
        }
        Log.infof("Episode %s is now %s", episode.id, status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Episode> find(UUID clinicId, UUID patientId, UUID id) {
        return episodes.findOfPatient(clinicId, patientId, id);
    }

    /** The assessment whose classifications an episode shows: the patient's latest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IntakeAssessment> classification(UUID clinicId, UUID patientId) {
        return assessments.latestOfPatient(clinicId, patientId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Episode> list(UUID clinicId, UUID patientId, int page, int size) {
        lookups.patient(clinicId, patientId);
        return new PageOf<>(
                episodes.listPage(clinicId, patientId, page, size),
                page,
                size,
                episodes.countOfPatient(clinicId, patientId));
    }

    private void apply(Episode episode, EpisodeDraft draft) {
        episode.startDate = draft.startDate();
        episode.plannedSessions = draft.plannedSessions();
        episode.goals = draft.goals();
        episode.updatedAt = clock.instant();
    }

    public record EpisodeDraft(LocalDate startDate, int plannedSessions, String goals) {}

    public record TransitionDraft(EpisodeStatus status, EpisodeCloseReason reason, String note) {}
}
