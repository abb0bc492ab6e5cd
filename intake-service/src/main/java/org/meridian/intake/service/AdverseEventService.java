package org.meridian.intake.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.AdverseEvent;
import org.meridian.intake.domain.AdverseEventType;
import org.meridian.intake.domain.SessionStatus;
import org.meridian.intake.domain.Severity;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.persistence.AdverseEventRepository;
import org.meridian.intake.persistence.SessionRepository;
import org.meridian.intake.rest.problem.ProblemType;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ResourceNotFoundException;

/** Adverse events of sessions; the reporter is always the caller. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AdverseEventService {

    private final AdverseEventRepository adverseEvents;
    private final SessionRepository sessions;
    private final Attribution attribution;
    private final Clock clock;

    AdverseEventService(
            AdverseEventRepository adverseEvents, SessionRepository sessions, Attribution attribution, Clock clock) {
        this.adverseEvents = adverseEvents;
        this.sessions = sessions;
        this.attribution = attribution;
        this.clock = clock;
    }

    public AdverseEvent record(UUID clinicId, UUID episodeId, UUID sessionId, AdverseEventDraft draft) {
        TreatmentSession session = session(clinicId, episodeId, sessionId);
        if (session.status == SessionStatus.CANCELLED) {
            throw new ConflictException(
                    ProblemType.INVALID_STATE,
                    "The session was cancelled; adverse events belong to sessions that took place");
        }
        AdverseEvent event = new AdverseEvent();
        event.id = UUID.randomUUID();
        event.clinicId = clinicId;
        event.sessionId = sessionId;
        event.type = draft.type();
        event.severity = draft.severity();
        event.serious = draft.serious();
        event.description = draft.description();
        event.actionTaken = draft.actionTaken();
        event.reportedBy = attribution.caller(clinicId);
        event.recordedAt = clock.instant();
        adverseEvents.persist(event);
        if (event.serious) {
            Log.warnf("Serious adverse event %s recorded for session %s", event.id, sessionId);
        }
        return event;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AdverseEvent> find(UUID clinicId, UUID episodeId, UUID sessionId, UUID id) {
        return sessions.findOfEpisode(clinicId, episodeId, sessionId)
                .flatMap(session -> adverseEvents.findOfSession(clinicId, sessionId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<AdverseEvent> list(UUID clinicId, UUID episodeId, UUID sessionId, int page, int size) {
        session(clinicId, episodeId, sessionId);
        return new PageOf<>(
                adverseEvents.listPage(clinicId, sessionId, page, size),
                page,
                size,
                adverseEvents.countOfSession(clinicId, sessionId));
    }

    private TreatmentSession session(UUID clinicId, UUID episodeId, UUID sessionId) {
        return sessions.findOfEpisode(clinicId, episodeId, sessionId)
                .orElseThrow(() -> new ResourceNotFoundException("session", sessionId));
    }

    public record AdverseEventDraft(
            AdverseEventType type, Severity severity, boolean serious, String description, String actionTaken) {}
}
