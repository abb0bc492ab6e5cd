package org.meridian.intake.rest.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import org.meridian.platform.web.problem.ConstraintCode;
import org.meridian.platform.web.problem.ErrorCode;

/** An IANA time-zone id such as {@code Europe/London}; null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = TimeZoneId.Validator.class)
@ConstraintCode(ErrorCode.NOT_AN_OPTION)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {

    String message() default "must be an IANA time zone such as Europe/London";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TimeZoneId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || ZoneId.getAvailableZoneIds().contains(value);
        }
    }
}
