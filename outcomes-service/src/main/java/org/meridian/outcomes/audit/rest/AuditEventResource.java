package org.meridian.outcomes.audit.rest;

import jakarta.ws.rs.Path;
import org.meridian.platform.audit.AuditEventSearch;

/** The audit trail of outcomes-service (see {@link AuditEventSearch}). */
@Path("/api/v1/outcomes/audit-events")
public class AuditEventResource extends AuditEventSearch {}
