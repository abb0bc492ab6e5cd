package org.meridian.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "One audited API call")
public record AuditEventResponse(
        @Schema(examples = "1042", minimum = "1", maximum = "9223372036854775807")
        long id,

        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime occurredAt,

        @Schema(nullable = true, description = "Token subject", examples = "f3a1c2d4-practitioner", maxLength = 255)
        String subject,

        @Schema(nullable = true, examples = "practitioner", maxLength = 255)
        String roles,

        @Schema(nullable = true) UUID clinicId,

        @Schema(nullable = true, description = "OAuth client (azp)", examples = "meridian-mobile", maxLength = 255)
        String client,

        @Schema(nullable = true, maxLength = 128) String requestId,
        @Schema(nullable = true, maxLength = 64) String remoteAddress,
        @Schema(examples = "GET", maxLength = 10) String httpMethod,
        @Schema(maxLength = 1000) String path,

        @Schema(
                nullable = true,
                examples = {"PatientResource.read", "AssessmentResource.read"},
                maxLength = 255)
        String operation,

        @Schema(
                nullable = true,
                examples = {"patients", "assessments"},
                maxLength = 64)
        String resourceType,

        @Schema(nullable = true, maxLength = 64) String resourceId,

        @Schema(
                description = "HTTP status of the answer: the outcome",
                examples = "200",
                minimum = "100",
                maximum = "599")
        int status,

        @Schema(
                nullable = true,
                description =
                        "the query string, recorded for the operations that audit it (research aggregates and exports)",
                examples = "project=lbp-dose-2026&format=csv",
                maxLength = 2000)
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
