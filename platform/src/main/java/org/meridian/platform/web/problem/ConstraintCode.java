package org.meridian.platform.web.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link ErrorCode} a service's own Bean Validation constraint reports ({@code @TimeZoneId} →
 * {@code not_an_option}). A validator reporting several rules names each one's code as the violation's dynamic
 * payload instead ({@link ConstraintCodes#report}).
 */
@Documented
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConstraintCode {

    ErrorCode value();
}
