package org.meridian.outcomes.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The payloads of intake's events as outcomes reads them, one record per shape of the contract (the event-contract
 * module's schemas, docs/events.md); {@link IntakeEvent} picks the record by the event's type. Readers are tolerant:
 * unknown fields are ignored, enum values stay text (a value intake adds later is kept, not refused), and a field
 * missing from an event is null.
 */
public sealed interface IntakePayload {

    /** The payload's patient, where it names one. */
    default UUID pseudonymId() {
        return null;
    }

    /** ClinicRegistered. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClinicPayload(UUID clinicId, String timeZone) implements IntakePayload {}

    /** PatientRegistered and PatientUpdated; {@code birthYear} is null from age 90 on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PatientPayload(UUID pseudonymId, UUID clinicId, Integer birthYear, String ageBand, String sex)
            implements IntakePayload {}

    /** IntakeAssessmentRecorded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssessmentPayload(
            UUID pseudonymId,
            UUID assessmentId,
            List<String> painSites,
            String chronicity,
            Integer painDurationMonths,
            String painFrequency,
            Boolean redFlagPositive)
            implements IntakePayload {}

    /** ResearchConsentGiven and ResearchConsentWithdrawn; {@code effectiveAt} is when it was given or withdrawn. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentPayload(UUID pseudonymId, UUID consentId, String consentVersion, OffsetDateTime effectiveAt)
            implements IntakePayload {}

    /** EpisodeStarted, EpisodeUpdated and EpisodeClosed; {@code closedReason} is null until the episode is closed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EpisodePayload(
            UUID episodeId,
            UUID pseudonymId,
            LocalDate startDate,
            Integer plannedSessions,
            String status,
            String closedReason)
            implements IntakePayload {}

    /** SessionRecorded, and SessionCancelled with its {@code cancelReason}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionPayload(
            UUID sessionId,
            UUID episodeId,
            UUID pseudonymId,
            Integer sessionNumber,
            OffsetDateTime startedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String cancelReason)
            implements IntakePayload {}

    /** An event type outcomes does not know (docs/events.md: consumers ignore them). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnknownPayload() implements IntakePayload {}
}
