package org.meridian.platform.security;

/** The roles a Meridian access token can carry (claim {@code groups}). */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String PRACTITIONER = "practitioner";
    public static final String CLINIC_ADMIN = "clinic-admin";
    public static final String RESEARCHER = "researcher";
    /** Row-level research exports, granted per approved data-use agreement (docs/security.md). */
    public static final String RESEARCH_EXPORT = "research-export";

    public static final String ADMIN = "admin";

    private Roles() {}
}
