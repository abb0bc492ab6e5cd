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

    /**
     * Not a user's role: the client role of meridian-intake that lets a service (meridian-outcomes, by client
     * credentials) read intake's event feed on /internal. Its tokens carry audience meridian-intake, not meridian-api.
     */
    public static final String EVENT_FEED_READER = "event-feed-reader";

    private Roles() {}
}
