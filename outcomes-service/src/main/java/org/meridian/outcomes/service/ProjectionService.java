package org.meridian.outcomes.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.meridian.outcomes.client.IntakeEvent;
import org.meridian.outcomes.client.IntakeEventPage;
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

    ProjectionService(ProjectionRepository projection, AssessmentRepository assessments, AssessmentLinker linker,
            Clock clock) {
        this.projection = projection;
        this.assessments = assessments;
        this.linker = linker;
        this.clock = clock;
    }

    public record PageResult(boolean stale, int applied, long cursor) {
    }

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
        JsonNode payload = event.payload() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                : event.payload();
        UUID pseudonymId = uuid(payload, "pseudonymId", event.pseudonymId());
        switch (event.type()) {
            case "ClinicRegistered" -> {
                applyClinic(event, payload, now);
                return null;
            }
            case "PatientRegistered", "PatientUpdated" -> {
                ProjectedPatient patient = patient(pseudonymId, uuid(payload, "clinicId", event.clinicId()), now);
                patient.clinicId = uuid(payload, "clinicId", patient.clinicId);
                patient.birthYear = integer(payload, "birthYear", patient.birthYear);
                patient.ageBand = text(payload, "ageBand", patient.ageBand);
                patient.sex = text(payload, "sex", patient.sex);
            }
            case "IntakeAssessmentRecorded" -> {
                ProjectedPatient patient = patient(pseudonymId, event.clinicId(), now);
                if (payload.hasNonNull("painSites")) {
                    List<String> sites = new ArrayList<>();
                    payload.get("painSites").forEach(site -> sites.add(site.asText()));
                    patient.painSites = String.join(",", sites);
                }
                patient.chronicity = text(payload, "chronicity", patient.chronicity);
                patient.painDurationMonths = integer(payload, "painDurationMonths", patient.painDurationMonths);
                patient.redFlagPositive = payload.hasNonNull("redFlagPositive")
                        ? payload.get("redFlagPositive").asBoolean() : patient.redFlagPositive;
            }
            case "ResearchConsentGiven", "ResearchConsentWithdrawn" -> {
                ProjectedPatient patient = patient(pseudonymId, event.clinicId(), now);
                patient.researchConsent = event.type().equals("ResearchConsentGiven");
                patient.consentVersion = text(payload, "consentVersion", patient.consentVersion);
                patient.consentChangedAt = instant(payload, "effectiveAt", event.occurredAt());
            }
            case "EpisodeStarted", "EpisodeUpdated", "EpisodeClosed" -> applyEpisode(event, payload, pseudonymId, now);
            case "SessionRecorded", "SessionCancelled" -> {
                UUID sessionId = uuid(payload, "sessionId", null);
                if (sessionId == null) {
                    Log.warnf("Intake event %s (%s) has no sessionId; ignored", event.eventId(), event.type());
                    return null;
                }
                ProjectedSession session = projection.session(sessionId).orElseGet(() -> {
                    ProjectedSession created = new ProjectedSession();
                    created.sessionId = sessionId;
                    created.pseudonymId = pseudonymId;
                    created.clinicId = event.clinicId();
                    created.updatedAt = now;
                    projection.persist(created);
                    return created;
                });
                session.episodeId = uuid(payload, "episodeId", session.episodeId);
                session.sessionNumber = integer(payload, "sessionNumber", session.sessionNumber);
                session.startedAt = payload.hasNonNull("startedAt") ? instant(payload, "startedAt", null) : session.startedAt;
                session.cancelled = event.type().equals("SessionCancelled");
                session.updatedAt = now;
            }
            default -> {
                Log.debugf("Intake event type %s is not projected", event.type());
                return null;
            }
        }
        return pseudonymId;
    }

    private void applyClinic(IntakeEvent event, JsonNode payload, Instant now) {
        UUID clinicId = uuid(payload, "clinicId", event.clinicId());
        String zone = text(payload, "timeZone", null);
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

    private void applyEpisode(IntakeEvent event, JsonNode payload, UUID pseudonymId, Instant now) {
        UUID episodeId = uuid(payload, "episodeId", null);
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
        episode.startDate = payload.hasNonNull("startDate") ? LocalDate.parse(payload.get("startDate").asText())
                : episode.startDate;
        episode.plannedSessions = integer(payload, "plannedSessions", episode.plannedSessions);
        episode.status = text(payload, "status", episode.status);
        episode.closedReason = text(payload, "closedReason", episode.closedReason);
        episode.updatedAt = now;
        if (isNew && episode.startDate != null) {
            // Assessments answered before intake announced the episode (a baseline just before the start) join it.
            Instant from = episode.startDate.atStartOfDay(ZoneOffset.UTC).toInstant().minus(AssessmentLinker.BASELINE_LEAD);
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
            AssessmentLinker.Link link = linker.link(new AssessmentLinker.Reference(assessment.clinicId,
                    assessment.pseudonymId, assessment.timepoint, assessment.sessionId, assessment.episodeId,
                    assessment.answeredAt));
            if (link.status() == LinkStatus.PENDING) {
                continue;
            }
            assessment.linkStatus = link.status();
            assessment.episodeId = link.episodeId();
            assessment.late = link.late();
            assessment.updatedAt = clock.instant();
            if (link.status() == LinkStatus.MISMATCH) {
                Log.warnf("Assessment %s contradicts intake's events (%s); kept and flagged", assessment.id,
                        link.mismatch());
            }
        }
    }

    private ProjectedPatient patient(UUID pseudonymId, UUID clinicId, Instant now) {
        ProjectedPatient patient = projection.patient(pseudonymId).orElseGet(() -> {
            ProjectedPatient created = new ProjectedPatient();
            created.pseudonymId = pseudonymId;
            created.clinicId = clinicId;
            created.updatedAt = now;
            projection.persist(created);
            return created;
        });
        patient.updatedAt = now;
        return patient;
    }

    private static UUID uuid(JsonNode payload, String field, UUID fallback) {
        return payload.hasNonNull(field) ? UUID.fromString(payload.get(field).asText()) : fallback;
    }

    private static String text(JsonNode payload, String field, String fallback) {
        return payload.hasNonNull(field) ? payload.get(field).asText() : fallback;
    }

    private static Integer integer(JsonNode payload, String field, Integer fallback) {
        return payload.hasNonNull(field) ? Integer.valueOf(payload.get(field).asInt()) : fallback;
    }

    private static Instant instant(JsonNode payload, String field, OffsetDateTime fallback) {
        if (payload.hasNonNull(field)) {
            return OffsetDateTime.parse(payload.get(field).asText()).toInstant();
        }
        return fallback == null ? null : fallback.toInstant();
    }
}
