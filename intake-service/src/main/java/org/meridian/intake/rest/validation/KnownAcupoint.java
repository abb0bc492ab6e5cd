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
import org.meridian.platform.web.problem.ConstraintCode;
import org.meridian.platform.web.problem.ConstraintCodes;
import org.meridian.platform.web.problem.ErrorCode;

/**
 * A needled point names a WHO standard acupoint of the shipped catalogue, on a side that point has: unpaired midline
 * points (GV, CV, EX-HN3...) only MIDLINE, paired points only LEFT, RIGHT or BILATERAL. Errors name
 * {@code points[i].code} or {@code points[i].side}.
 */
@Documented
@Constraint(validatedBy = KnownAcupoint.Validator.class)
@ConstraintCode(ErrorCode.NOT_AN_OPTION)
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
                return ConstraintCodes.report(
                        context,
                        "code",
                        ErrorCode.NOT_AN_OPTION,
                        "is not a WHO standard acupoint code (see GET /api/v1/intake/acupoints), e.g. BL23, GV4, EX-B2");
            }
            if (point.side() == null) {
                return true;
            }
            boolean midlineSide = point.side() == NeedleSide.MIDLINE;
            if (acupoint.get().midline() && !midlineSide) {
                return ConstraintCodes.report(
                        context,
                        "side",
                        ErrorCode.NOT_AN_OPTION,
                        "must be MIDLINE: this is an unpaired point on the midline");
            }
            if (!acupoint.get().midline() && midlineSide) {
                return ConstraintCodes.report(
                        context,
                        "side",
                        ErrorCode.NOT_AN_OPTION,
                        "must be LEFT, RIGHT or BILATERAL: this point is paired");
            }
            return true;
        }
    }
}
