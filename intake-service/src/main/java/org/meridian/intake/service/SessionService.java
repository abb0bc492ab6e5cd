package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Actor;
import org.meridian.intake.domain.AcupunctureStyle;
import org.meridian.intake.domain.Clinic;
import org.meridian.intake.domain.CoIntervention;
import org.meridian.intake.domain.Episode;
import org.meridian.intake.domain.EpisodeStatus;
import org.meridian.intake.domain.NeedleType;
import org.meridian.intake.domain.NeedledPoint;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.SessionCancelReason;
import org.meridian.intake.domain.SessionStatus;
import org.meridian.intake.domain.Stimulation;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.persistence.EpisodeRepository;
import org.meridian.intake.persistence.SessionRepository;
import org.meridian.intake.rest.problem.ProblemType;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.ResourceNotFoundException;
import org.meridian.platform.web.problem.UnprocessableException;

/** Acupuncture sessions of an episode, numbered 1, 2, 3... by the service. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SessionService {

    private final SessionRepository sessions;
    private final EpisodeRepository episodes;
    private final EpisodeService episodeService;
    private final Lookups lookups;
    private final Attribution attribution;
    private final NeedlingGate gate;
    private final EventPublisher events;
    private final Clock clock;

    SessionService(
            SessionRepository sessions,
            EpisodeRepository episodes,
            EpisodeService episodeService,
            Lookups lookups,
            Attribution attribution,
            NeedlingGate gate,
            EventPublisher events,
            Clock clock) {
        this.sessions = sessions;
        this.episodes = episodes;
        this.episodeService = episodeService;
        this.lookups = lookups;
        this.attribution = attribution;
        this.gate = gate;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a session. The episode row is locked for the rest of the transaction, so concurrent recordings in one
     * episode take numbers one after the other (the unique key (episode_id, session_number) backs this up). The first
     * session of a PLANNED episode makes it ACTIVE.
     */
    public TreatmentSession record(UUID clinicId, UUID episodeId, SessionDraft draft) {
        Clinic clinic = lookups.clinic(clinicId);
        Episode episode = episodes.findInClinicForUpdate(clinicId, episodeId)
                .orElseThrow(() -> new ResourceNotFoundException("episode", episodeId));
        if (!episode.isOpen()) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE, "Sessions cannot be recorded in a " + episode.status + " episode");
        }
        Patient patient = lookups.patient(clinicId, episode.patientId);
        gate.requireClearedForNeedling(clinicId, patient.id);
        UUID practitionerId = attribution.performer(clinicId, draft.practitionerId(), "practitionerId");
        Actor enteredBy = attribution.caller(clinicId);
        LocalDate sessionDate =
                draft.startedAt().atZone(ZoneId.of(clinic.timeZone)).toLocalDate();
        if (sessionDate.isBefore(episode.startDate)) {
            throw new UnprocessableException(
                    "startedAt",
                    ErrorCode.INCONSISTENT,
                    "must not be before the episode's start date " + episode.startDate);
        }
        if (episode.status == EpisodeStatus.PLANNED) {
            episodeService.changeStatus(patient, episode, EpisodeStatus.ACTIVE, null, null, enteredBy);
        }
        TreatmentSession session = new TreatmentSession();
        session.id = UUID.randomUUID();
        session.clinicId = clinicId;
        session.episodeId = episodeId;
        session.patientId = patient.id;
        session.sessionNumber = sessions.highestNumber(episodeId) + 1;
        session.status = SessionStatus.RECORDED;
        session.startedAt = draft.startedAt();
        session.practitionerId = practitionerId;
        session.enteredBy = enteredBy;
        session.style = draft.style();
        session.styleDetails = draft.styleDetails();
        session.points.addAll(draft.points());
        session.needleCount = draft.needleCount();
        session.deQiElicited = draft.deQiElicited();
        session.stimulation = draft.stimulation();
        session.electroFrequencyHz = draft.electroFrequencyHz();
        session.retentionMinutes = draft.retentionMinutes();
        session.needleType = draft.needleType();
        session.coInterventions.addAll(draft.coInterventions());
        session.notes = draft.notes();
        session.createdAt = clock.instant();
        session.updatedAt = session.createdAt;
        sessions.persist(session);
        events.sessionRecorded(patient, session);
        Log.infof("Recorded session %d (%s) of episode %s", session.sessionNumber, session.id, episodeId);
        return session;
    }

    /** Cancels a session that did not take place or was recorded in error; its number is not reused. */
    public TreatmentSession cancel(
            UUID clinicId, UUID episodeId, UUID sessionId, Long expectedVersion, CancellationDraft draft) {
        TreatmentSession session = sessions.findOfEpisode(clinicId, episodeId, sessionId)
                .orElseThrow(() -> new ResourceNotFoundException("session", sessionId));
        Versions.check("session", expectedVersion, session.version);
        if (session.status == SessionStatus.CANCELLED) {
            throw new ConflictException(ProblemType.INVALID_STATE, "The session is already cancelled");
        }
        Patient patient = lookups.patient(clinicId, session.patientId);
        session.status = SessionStatus.CANCELLED;
        session.cancelledAt = clock.instant();
        session.cancelReason = draft.reason();
        session.cancelNote = draft.note();
        session.cancelledBy = attribution.caller(clinicId);
        session.updatedAt = session.cancelledAt;
        events.sessionCancelled(patient, session);
        Log.infof("Cancelled session %s of episode %s", sessionId, episodeId);
        return session;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TreatmentSession> find(UUID clinicId, UUID episodeId, UUID id) {
        return sessions.findOfEpisode(clinicId, episodeId, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<TreatmentSession> list(UUID clinicId, UUID episodeId, int page, int size) {
        episodes.findInClinic(clinicId, episodeId)
                .orElseThrow(() -> new ResourceNotFoundException("episode", episodeId));
        return new PageOf<>(
                sessions.listPage(clinicId, episodeId, page, size),
                page,
                size,
                sessions.countOfEpisode(clinicId, episodeId));
    }

    /** The STRICTA record of a session, already validated at the boundary; {@code practitionerId} may be null (the caller). */
    public record SessionDraft(
            Instant startedAt,
            UUID practitionerId,
            AcupunctureStyle style,
            String styleDetails,
            List<NeedledPoint> points,
            int needleCount,
            boolean deQiElicited,
            Stimulation stimulation,
            Integer electroFrequencyHz,
            int retentionMinutes,
            NeedleType needleType,
            List<CoIntervention> coInterventions,
            String notes) {}

    public record CancellationDraft(SessionCancelReason reason, String note) {}
}
