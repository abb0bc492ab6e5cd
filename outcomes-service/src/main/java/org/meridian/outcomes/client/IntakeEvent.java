package org.meridian.outcomes.client;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.meridian.outcomes.client.IntakePayload.AssessmentPayload;
import org.meridian.outcomes.client.IntakePayload.ClinicPayload;
import org.meridian.outcomes.client.IntakePayload.ConsentPayload;
import org.meridian.outcomes.client.IntakePayload.EpisodePayload;
import org.meridian.outcomes.client.IntakePayload.PatientPayload;
import org.meridian.outcomes.client.IntakePayload.SessionPayload;
import org.meridian.outcomes.client.IntakePayload.UnknownPayload;

/**
 * One event of intake's feed (docs/events.md). The payload is read into the record of the event's type; a type
 * outcomes does not know gets an {@link UnknownPayload}.
 */
public record IntakeEvent(
        long position,
        String eventId,
        String type,
        OffsetDateTime occurredAt,
        UUID clinicId,
        UUID pseudonymId,

        @JsonTypeInfo(
                use = JsonTypeInfo.Id.NAME,
                include = JsonTypeInfo.As.EXTERNAL_PROPERTY,
                property = "type",
                visible = true,
                defaultImpl = UnknownPayload.class)
        @JsonSubTypes({
            @JsonSubTypes.Type(value = ClinicPayload.class, name = "ClinicRegistered"),
            @JsonSubTypes.Type(
                    value = PatientPayload.class,
                    names = {"PatientRegistered", "PatientUpdated"}),
            @JsonSubTypes.Type(value = AssessmentPayload.class, name = "IntakeAssessmentRecorded"),
            @JsonSubTypes.Type(
                    value = ConsentPayload.class,
                    names = {"ResearchConsentGiven", "ResearchConsentWithdrawn"}),
            @JsonSubTypes.Type(
                    value = EpisodePayload.class,
                    names = {"EpisodeStarted", "EpisodeUpdated", "EpisodeClosed"}),
            @JsonSubTypes.Type(
                    value = SessionPayload.class,
                    names = {"SessionRecorded", "SessionCancelled"})
        })
        IntakePayload payload) {}
