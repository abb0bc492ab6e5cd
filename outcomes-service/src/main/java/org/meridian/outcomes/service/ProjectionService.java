package org.meridian.outcomes.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.meridian.outcomes.client.IntakeEvent;
import org.meridian.outcomes.client.IntakeEventPage;
import org.meridian.outcomes.client.IntakePayload.AssessmentPayload;
import org.meridian.outcomes.client.IntakePayload.ClinicPayload;
import org.meridian.outcomes.client.IntakePayload.ConsentPayload;
import org.meridian.outcomes.client.IntakePayload.EpisodePayload;
import org.meridian.outcomes.client.IntakePayload.PatientPayload;
import org.meridian.outcomes.client.IntakePayload.SessionPayload;
import org.meridian.outcomes.client.IntakePayload.UnknownPayload;
import org.meridian.outcomes.domain.LinkStatus;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.persistence.FeedCursor;
import org.meridian.outcomes.persistence.ProjectedClinic;
import org.meridian.outcomes.persistence.ProjectedEpisode;
import org.meridian.outcomes.persistence.ProjectedPatient;
import org.meridian.outcomes.persistence.ProjectedSession;
import org.meridian.outcomes.persistence.ProjectionRepository;

/**
 * Applies pages of intake's event feed to the projection. One page is one transaction: the projection rows, the
 * processed event ids and the cursor commit together, so a crash re-reads the page and skips what was applied.
 * Afterwards, assessments whose links were pending on these patients are linked.
 */
@ApplicationScoped
@Transactional
public class ProjectionService {

    private final ProjectionRepository projection;
    private final AssessmentRepository assessments;
    private final AssessmentLinker linker;
    private final Clock clock;

    ProjectionService(
            ProjectionRepository projection, AssessmentRepository assessments, AssessmentLinker linker, Clock clock) {
        this.projection = projection;
        this.assessments = assessments;
        this.linker = linker;
        this.clock = clock;
    }

    public record PageResult(boolean stale, int applied, long cursor) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public long cursor() {
        return projection.cursorPosition(FeedCursor.INTAKE_EVENTS);
    }

    /** Moves the cursor (operators replaying the feed; tests simulating an earlier run). */
    public void resetCursor(long position) {
        FeedCursor cursor = projection.lockCursor(FeedCursor.INTAKE_EVENTS);
        cursor.position = position;
        cursor.updatedAt = clock.instant();
    }

    /**
     * Applies a page read after {@code readAfter}. If the stored cursor moved meanwhile (another instance applied
     * it), the page is stale and ignored.
     */
    public PageResult apply(long readAfter, IntakeEventPage page) {
        FeedCursor cursor = projection.lockCursor(FeedCursor.INTAKE_EVENTS);
        if (cursor.position != readAfter) {
            return new PageResult(true, 0, cursor.position);
        }
        // Before anything is applied: a submission about one of these patients, still open, would otherwise be linked
        // from the projection as it was, and committed after the reconciliation below looked for it.
        projection.lockLinksOf(page.events().stream()
                .map(ProjectionService::pseudonymOf)
                .filter(Objects::nonNull)
                .toList());
        Instant now = clock.instant();
        Set<UUID> touched = new LinkedHashSet<>();
        int applied = 0;
        for (IntakeEvent event : page.events()) {
            if (!projection.markProcessed(event.eventId(), event.position(), event.type(), now)) {
                continue;
            }
            UUID patient = applyEvent(event, now);
            if (patient != null) {
                touched.add(patient);
            }
            applied++;
        }
        long next = Math.max(cursor.position, page.nextAfter());
        cursor.position = next;
        cursor.updatedAt = now;
        touched.forEach(this::reconcile);
        return new PageResult(false, applied, next);
    }

    private UUID applyEvent(IntakeEvent event, Instant now) {
        if (event.payload() == null) {
            Log.warnf("Intake event %s (%s) has no payload; ignored", event.eventId(), event.type());
            return null;
        }
        UUID pseudonymId = pseudonymOf(event);
        switch (event.payload()) {
            case ClinicPayload clinic -> {
                applyClinic(event, clinic, now);
                return null;
            }
            case PatientPayload registered -> {
                ProjectedPatient patient = patient(pseudonymId, orElse(registered.clinicId(), event.clinicId()), now);
                patient.clinicId = orElse(registered.clinicId(), patient.clinicId);
                // Null means withheld (age 90 or more), not unknown: the year outcomes had must go.
                patient.birthYear = registered.birthYear();
                patient.ageBand = orElse(registered.ageBand(), patient.ageBand);
                patient.sex = orElse(registered.sex(), patient.sex);
            }
            case AssessmentPayload assessment -> {
                ProjectedPatient patient = patient(pseudonymId, event.clinicId(), now);
                if (assessment.painSites() != null) {
                    patient.painSites = String.join(",", assessment.painSites());
                }
                patient.chronicity = orElse(assessment.chronicity(), patient.chronicity);
                patient.painDurationMonths = orElse(assessment.painDurationMonths(), patient.painDurationMonths);
                patient.redFlagPositive = orElse(assessment.redFlagPositive(), patient.redFlagPositive);
            }
            case ConsentPayload consent -> {
                ProjectedPatient patient = patient(pseudonymId, event.clinicId(), now);
                patient.researchConsent = event.type().equals("ResearchConsentGiven");
                patient.consentVersion = orElse(consent.consentVersion(), patient.consentVersion);
                OffsetDateTime effectiveAt = orElse(consent.effectiveAt(), event.occurredAt());
                patient.consentChangedAt = effectiveAt == null ? null : effectiveAt.toInstant();
            }
            case EpisodePayload episode -> applyEpisode(event, episode, pseudonymId, now);
            case SessionPayload recorded -> {
                if (recorded.sessionId() == null) {
                    Log.warnf("Intake event %s (%s) has no sessionId; ignored", event.eventId(), event.type());
                    return null;
                }
                ProjectedSession session = projection
                        .session(recorded.sessionId())
                        .orElseGet(() -> {
                            ProjectedSession created = new ProjectedSession();
                            created.sessionId = recorded.sessionId();
                            created.pseudonymId = pseudonymId;
                            created.clinicId = event.clinicId();
                            created.updatedAt = now;
                            projection.persist(created);
                            return created;
                        });
                session.episodeId = orElse(recorded.episodeId(), session.episodeId);
                session.sessionNumber = orElse(recorded.sessionNumber(), session.sessionNumber);
                session.startedAt =
                        recorded.startedAt() != null ? recorded.startedAt().toInstant() : session.startedAt;
                session.cancelled = event.type().equals("SessionCancelled");
                session.updatedAt = now;
            }
            case UnknownPayload unknown -> {
                Log.debugf("Intake event type %s is not projected", event.type());
                return null;
            }
        }
        return pseudonymId;
    }

    private void applyClinic(IntakeEvent event, ClinicPayload payload, Instant now) {
        UUID clinicId = orElse(payload.clinicId(), event.clinicId());
        String zone = payload.timeZone();
        if (clinicId == null || zone == null) {
            Log.warnf("Intake event %s (ClinicRegistered) has no clinicId or timeZone; ignored", event.eventId());
            return;
        }
        ProjectedClinic clinic = projection.clinic(clinicId).orElse(null);
        if (clinic == null) {
            clinic = new ProjectedClinic();
            clinic.clinicId = clinicId;
            clinic.timeZone = zone;
            clinic.updatedAt = now;
            projection.persist(clinic);
        }
        clinic.timeZone = zone;
        clinic.updatedAt = now;
    }

    private void applyEpisode(IntakeEvent event, EpisodePayload payload, UUID pseudonymId, Instant now) {
        UUID episodeId = payload.episodeId();
        if (episodeId == null) {
            Log.warnf("Intake event %s (%s) has no episodeId; ignored", event.eventId(), event.type());
            return;
        }
        boolean isNew = projection.episode(episodeId).isEmpty();
        ProjectedEpisode episode = projection.episode(episodeId).orElseGet(() -> {
            ProjectedEpisode created = new ProjectedEpisode();
            created.episodeId = episodeId;
            created.pseudonymId = pseudonymId;
            created.clinicId = event.clinicId();
            created.updatedAt = now;
            projection.persist(created);
            return created;
        });
        episode.startDate = orElse(payload.startDate(), episode.startDate);
        episode.plannedSessions = orElse(payload.plannedSessions(), episode.plannedSessions);
        episode.status = orElse(payload.status(), episode.status);
        episode.closedReason = orElse(payload.closedReason(), episode.closedReason);
        episode.updatedAt = now;
        if (isNew && episode.startDate != null) {
            // Assessments answered before intake announced the episode (a baseline just before the start) join it.
            Instant from =
                    episode.startDate.atStartOfDay(ZoneOffset.UTC).toInstant().minus(AssessmentLinker.BASELINE_LEAD);
            for (AssessmentEntity assessment : assessments.withoutEpisodeSince(pseudonymId, from)) {
                if (assessment.clinicId.equals(episode.clinicId)) {
                    assessment.episodeId = episodeId;
                }
            }
        }
    }

    /** Links the patient's PENDING assessments now that more of intake's events are known. */
    private void reconcile(UUID pseudonymId) {
        for (AssessmentEntity assessment : assessments.pendingOfPatient(pseudonymId)) {
            AssessmentLinker.Link link = linker.link(new AssessmentLinker.Reference(
                    assessment.clinicId,
                    assessment.pseudonymId,
                    assessment.timepoint,
                    assessment.sessionId,
                    assessment.episodeId,
                    assessment.answeredAt));
            if (link.status() == LinkStatus.PENDING) {
                continue;
            }
            assessment.linkStatus = link.status();
            assessment.episodeId = link.episodeId();
            assessment.late = link.late();
            assessment.updatedAt = clock.instant();
            if (link.status() == LinkStatus.MISMATCH) {
                Log.warnf(
                        "Assessment %s contradicts intake's events (%s); kept and flagged",
                        assessment.id, link.mismatch());
            }
        }
    }

    private ProjectedPatient patient(UUID pseudonymId, UUID clinicId, Instant now) {
        ProjectedPatient patient = projection.patient(pseudonymId).orElseGet(() -> {
            ProjectedPatient created = new ProjectedPatient();
            created.pseudonymId = pseudonymId;
            created.clinicId = clinicId;
            created.updatedAt = now;
            created.knownSince = now;
            projection.persist(created);
            return created;
        });
        patient.updatedAt = now;
        return patient;
    }

    /** The patient an event is about (null for a clinic's, or an event without payload). */
    private static UUID pseudonymOf(IntakeEvent event) {
        return event.payload() == null ? null : orElse(event.payload().pseudonymId(), event.pseudonymId());
    }

    /** A field an event does not carry (older events, other producers) keeps what the projection had. */
    private static <T> T orElse(T value, T current) {
        return value != null ? value : current;
    }
}
