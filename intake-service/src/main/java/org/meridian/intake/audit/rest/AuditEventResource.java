package org.meridian.intake.audit.rest;

import jakarta.ws.rs.Path;
import org.meridian.platform.audit.AuditEventSearch;

/** The audit trail of intake-service (see {@link AuditEventSearch}). */
@Path("/api/v1/intake/audit-events")
public class AuditEventResource extends AuditEventSearch {}
