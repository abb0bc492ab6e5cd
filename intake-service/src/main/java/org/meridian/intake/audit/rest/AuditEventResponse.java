package org.meridian.intake.audit.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.audit.AuditEvent;

@Schema(name = "AuditEvent", description = "One audited API call")
public record AuditEventResponse(
        @Schema(examples = "1042") long id,
        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime occurredAt,
        @Schema(description = "Token subject", examples = "f3a1c2d4-practitioner") String subject,
        @Schema(examples = "practitioner") String roles,
        UUID clinicId,
        @Schema(description = "OAuth client (azp)", examples = "meridian-mobile") String client,
        String requestId,
        String remoteAddress,
        @Schema(examples = "GET") String httpMethod,
        String path,
        @Schema(examples = "PatientResource.read") String operation,
        @Schema(examples = "patients") String resourceType,
        String resourceId,
        @Schema(description = "HTTP status of the answer: the outcome", examples = "200") int status) {

    public static AuditEventResponse of(AuditEvent event) {
        return new AuditEventResponse(event.id, event.occurredAt.atOffset(ZoneOffset.UTC), event.subject, event.roles,
                event.clinicId, event.client, event.requestId, event.remoteAddress, event.httpMethod, event.path,
                event.operation, event.resourceType, event.resourceId, event.status);
    }
}
