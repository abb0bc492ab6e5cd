package org.meridian.intake.domain;

/** NIH Task Force on Research Standards for chronic low back pain classification. */
public enum Chronicity {
    CHRONIC, NOT_CHRONIC
}
