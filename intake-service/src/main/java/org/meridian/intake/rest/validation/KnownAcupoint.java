package org.meridian.intake.rest.validation;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.meridian.intake.domain.Acupoint;
import org.meridian.intake.domain.NeedleSide;
import org.meridian.intake.rest.dto.NeedledPointDto;
import org.meridian.intake.service.AcupointCatalogue;

/**
 * A needled point names a WHO standard acupoint of the shipped catalogue, on a side that point has: unpaired midline
 * points (GV, CV, EX-HN3...) only MIDLINE, paired points only LEFT, RIGHT or BILATERAL. Errors name
 * {@code points[i].code} or {@code points[i].side}.
 */
@Documented
@Constraint(validatedBy = KnownAcupoint.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownAcupoint {

    String message() default "is not a WHO standard acupoint";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownAcupoint, NeedledPointDto> {

        @Inject
        AcupointCatalogue catalogue;

        @Override
        public boolean isValid(NeedledPointDto point, ConstraintValidatorContext context) {
            if (point == null || point.code() == null || point.code().isBlank()) {
                return true;
            }
            Optional<Acupoint> acupoint = catalogue.find(point.code());
            if (acupoint.isEmpty()) {
                return report(
                        context,
                        "code",
                        "is not a WHO standard acupoint code (see GET /api/v1/intake/acupoints), e.g. BL23, GV4, EX-B2");
            }
            if (point.side() == null) {
                return true;
            }
            boolean midlineSide = point.side() == NeedleSide.MIDLINE;
            if (acupoint.get().midline() && !midlineSide) {
                return report(context, "side", "must be MIDLINE: this is an unpaired point on the midline");
            }
            if (!acupoint.get().midline() && midlineSide) {
                return report(context, "side", "must be LEFT, RIGHT or BILATERAL: this point is paired");
            }
            return true;
        }

        private static boolean report(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
