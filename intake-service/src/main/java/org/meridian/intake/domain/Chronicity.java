package org.meridian.intake.domain;

/**
 * NIH Task Force on Research Standards for Chronic Low Back Pain classification (research). NOT_APPLICABLE: no low
 * back pain was recorded (upper back only, or leg pain without low back pain), which the definition does not cover.
 */
public enum Chronicity {
    CHRONIC,
    NOT_CHRONIC,
    NOT_APPLICABLE
}
