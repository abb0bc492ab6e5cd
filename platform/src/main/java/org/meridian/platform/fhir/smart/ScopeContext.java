package org.meridian.platform.fhir.smart;

/**
 * Whose data a SMART resource scope reaches: the patient in context ({@code patient/}), whatever the signed-in user may
 * see ({@code user/}), or whatever the client may see on its own behalf ({@code system/}).
 */
public enum ScopeContext {
    PATIENT,
    USER,
    SYSTEM
}
