package org.meridian.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payloads intake writes to its event feed, one record per shape, serialised field by field in this order. Their
 * JSON must match the schemas in the event-contract module (events/&lt;type&gt;.schema.json), which
 * EventFeedContractTest checks on the real feed. A field added here is a contract change: see docs/events.md.
 */
public sealed interface EventPayload {

    /** ClinicRegistered. */
    record ClinicPayload(UUID clinicId, String timeZone) implements EventPayload {}

    /** PatientRegistered and PatientUpdated; {@code birthYear} is null from age 90 on. */
    record PatientPayload(UUID pseudonymId, UUID clinicId, Integer birthYear, String ageBand, Sex sex)
            implements EventPayload {}

    /** IntakeAssessmentRecorded. */
    record AssessmentPayload(
            UUID pseudonymId,
            UUID assessmentId,
            List<PainSite> painSites,
            Chronicity chronicity,
            int painDurationMonths,
            PainFrequency painFrequency,
            boolean redFlagPositive)
            implements EventPayload {}

    /** ResearchConsentGiven and ResearchConsentWithdrawn: {@code effectiveAt} is when it was given or withdrawn. */
    record ConsentPayload(UUID pseudonymId, UUID consentId, String consentVersion, Instant effectiveAt)
            implements EventPayload {}

    /** EpisodeStarted, EpisodeUpdated and EpisodeClosed; {@code closedReason} is null until closed. */
    record EpisodePayload(
            UUID episodeId,
            UUID pseudonymId,
            LocalDate startDate,
            int plannedSessions,
            EpisodeStatus status,
            EpisodeCloseReason closedReason)
            implements EventPayload {}

    /** SessionRecorded. */
    record SessionPayload(UUID sessionId, UUID episodeId, UUID pseudonymId, int sessionNumber, Instant startedAt)
            implements EventPayload {}

    /** SessionCancelled. */
    record CancelledSessionPayload(
            UUID sessionId,
            UUID episodeId,
            UUID pseudonymId,
            int sessionNumber,
            Instant startedAt,
            SessionCancelReason cancelReason)
            implements EventPayload {}
}
