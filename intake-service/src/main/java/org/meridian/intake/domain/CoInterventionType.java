package org.meridian.intake.domain;

/** Other interventions given in the session (STRICTA item 3). */
public enum CoInterventionType {
    CUPPING,
    MOXIBUSTION,
    TUINA_MASSAGE,
    HEAT,
    OTHER
}
