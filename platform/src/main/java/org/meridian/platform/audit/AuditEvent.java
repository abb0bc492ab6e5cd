package org.meridian.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audited access to clinical data. Rows are never updated or deleted (the database refuses). */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(updatable = false)
    public String subject;

    @Column(updatable = false)
    public String roles;

    @Column(name = "clinic_id", updatable = false)
    public UUID clinicId;

    @Column(updatable = false)
    public String client;

    @Column(name = "request_id", updatable = false)
    public String requestId;

    @Column(name = "remote_address", updatable = false)
    public String remoteAddress;

    @Column(name = "http_method", nullable = false, updatable = false)
    public String httpMethod;

    @Column(nullable = false, updatable = false)
    public String path;

    @Column(updatable = false)
    public String operation;

    @Column(name = "resource_type", updatable = false)
    public String resourceType;

    @Column(name = "resource_id", updatable = false)
    public String resourceId;

    @Column(nullable = false, updatable = false)
    public int status;

    /** The query string, for operations marked {@link AuditQuery}. */
    @Column(name = "request_query", updatable = false)
    public String query;
}
