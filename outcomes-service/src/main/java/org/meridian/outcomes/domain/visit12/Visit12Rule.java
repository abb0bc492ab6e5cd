package org.meridian.outcomes.domain.visit12;

/**
 * The rule of the visit-12 check that produced its decision, in the order the rules are applied (the first that
 * applies decides). docs/clinical-rules.md states each with its source.
 */
public enum Visit12Rule {
    /** NCD 30.3.3: treatment must be discontinued if the patient is regressing. Applies at any visit. */
    REGRESSION,
    /** NCD 30.3.3: no more than 20 acupuncture treatments annually. Applies at any visit. */
    ANNUAL_CAP,
    /** NCD 30.3.3: up to 12 visits in 90 days; improvement is judged when the initial course ends. */
    INITIAL_COURSE,
    /** Meridian: without a baseline and a later value, improvement cannot be demonstrated. */
    NO_EVIDENCE,
    /** NCD 30.3.3: 8 more sessions only for patients demonstrating improvement; discontinue if not improving. */
    NO_IMPROVEMENT,
    /** NCD 30.3.3: an additional 8 sessions for patients demonstrating improvement. */
    IMPROVEMENT
}
