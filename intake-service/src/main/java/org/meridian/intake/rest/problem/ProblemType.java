package org.meridian.intake.rest.problem;

import org.meridian.platform.web.problem.ProblemKind;

/**
 * The problem types of intake's domain, next to the shared ones of {@code CommonProblem}; the URNs are stable and
 * documented in docs/conventions.md.
 */
public enum ProblemType implements ProblemKind {
    ACTING_FOR_ANOTHER("acting-for-another", "Cannot act for another person", 403),
    PRACTITIONER_LINK_REQUIRED("practitioner-link-required", "Sign-in not linked to a practitioner", 403),
    INVALID_STATE("invalid-state", "Not allowed in the current state", 409),
    REFER_BEFORE_NEEDLING("refer-before-needling", "Refer before needling", 409),
    TREATMENT_CONSENT_REQUIRED("treatment-consent-required", "Treatment consent required", 409),
    INTAKE_ASSESSMENT_REQUIRED("intake-assessment-required", "Intake assessment required", 409);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
