package org.meridian.intake.domain;

/** NIH Task Force question: how often back pain has been an ongoing problem over the past 6 months. */
public enum PainFrequency {
    EVERY_DAY_OR_NEARLY_EVERY_DAY,
    AT_LEAST_HALF_THE_DAYS,
    LESS_THAN_HALF_THE_DAYS
}
