package org.meridian.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose audit row records the query string too (what a researcher asked for). Only where the
 * query holds no direct identifiers: a patient search by name would copy names into the audit trail.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditQuery {}
