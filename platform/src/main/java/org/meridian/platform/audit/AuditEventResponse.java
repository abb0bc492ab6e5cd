package org.meridian.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "One audited API call")
public record AuditEventResponse(
        @Schema(examples = "1042") long id,
        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime occurredAt,

        @Schema(nullable = true, description = "Token subject", examples = "f3a1c2d4-practitioner")
        String subject,

        @Schema(nullable = true, examples = "practitioner") String roles,
        @Schema(nullable = true) UUID clinicId,

        @Schema(nullable = true, description = "OAuth client (azp)", examples = "meridian-mobile")
        String client,

        @Schema(nullable = true) String requestId,
        @Schema(nullable = true) String remoteAddress,
        @Schema(examples = "GET") String httpMethod,
        String path,

        @Schema(
                nullable = true,
                examples = {"PatientResource.read", "AssessmentResource.read"})
        String operation,

        @Schema(
                nullable = true,
                examples = {"patients", "assessments"})
        String resourceType,

        @Schema(nullable = true) String resourceId,

        @Schema(description = "HTTP status of the answer: the outcome", examples = "200")
        int status,

        @Schema(
                nullable = true,
                description =
                        "the query string, recorded for the operations that audit it (research aggregates and exports)",
                examples = "project=lbp-dose-2026&format=csv")
        String query) {

    public static AuditEventResponse of(AuditEvent event) {
        return new AuditEventResponse(
                event.id,
                event.occurredAt.atOffset(ZoneOffset.UTC),
                event.subject,
                event.roles,
                event.clinicId,
                event.client,
                event.requestId,
                event.remoteAddress,
                event.httpMethod,
                event.path,
                event.operation,
                event.resourceType,
                event.resourceId,
                event.status,
                event.query);
    }
}
