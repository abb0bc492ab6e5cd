package org.meridian.intake.domain;

/** Kind of an external identifier held by another system (e.g. the EHR's medical record number). */
public enum IdentifierType {
    MRN,
    NATIONAL_HEALTH_ID,
    INSURANCE_MEMBER,
    OTHER
}
