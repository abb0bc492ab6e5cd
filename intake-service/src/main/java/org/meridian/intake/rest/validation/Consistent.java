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
import java.util.List;
import org.meridian.platform.web.problem.ConstraintCode;
import org.meridian.platform.web.problem.ConstraintCodes;
import org.meridian.platform.web.problem.ErrorCode;

/** Checks the {@link CrossFieldRules} of a request and reports each broken rule on its own field. */
@Documented
@Constraint(validatedBy = Consistent.Validator.class)
@ConstraintCode(ErrorCode.INCONSISTENT)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Consistent {

    String message() default "is inconsistent with other fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Consistent, CrossFieldRules> {
        @Override
        public boolean isValid(CrossFieldRules value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            List<CrossFieldRules.BrokenRule> broken = value.brokenRules();
            if (broken.isEmpty()) {
                return true;
            }
            for (CrossFieldRules.BrokenRule rule : broken) {
                ConstraintCodes.report(context, rule.field(), rule.code(), rule.message());
            }
            return false;
        }
    }
}
