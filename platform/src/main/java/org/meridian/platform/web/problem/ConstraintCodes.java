package org.meridian.platform.web.problem;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.URL;
import org.hibernate.validator.constraints.UUID;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/** The {@link ErrorCode} of a Bean Validation failure, from the constraint that failed. */
public final class ConstraintCodes {

    private static final Map<Class<? extends Annotation>, ErrorCode> BUILT_IN = Map.ofEntries(
            Map.entry(NotNull.class, ErrorCode.REQUIRED),
            Map.entry(NotBlank.class, ErrorCode.REQUIRED),
            Map.entry(NotEmpty.class, ErrorCode.REQUIRED),
            Map.entry(Min.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(Max.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(DecimalMin.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(DecimalMax.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(Range.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(Positive.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(PositiveOrZero.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(Negative.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(NegativeOrZero.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(Past.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(PastOrPresent.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(Future.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(FutureOrPresent.class, ErrorCode.OUT_OF_RANGE),
            Map.entry(Digits.class, ErrorCode.INVALID_FORMAT),
            Map.entry(Pattern.class, ErrorCode.INVALID_FORMAT),
            Map.entry(Email.class, ErrorCode.INVALID_FORMAT),
            Map.entry(URL.class, ErrorCode.INVALID_FORMAT),
            Map.entry(UUID.class, ErrorCode.INVALID_FORMAT),
            Map.entry(Null.class, ErrorCode.NOT_ALLOWED),
            Map.entry(AssertTrue.class, ErrorCode.INCONSISTENT),
            Map.entry(AssertFalse.class, ErrorCode.INCONSISTENT));

    private ConstraintCodes() {}

    /**
     * The code a constraint annotation type reports, if it states one: a built-in constraint's, or the
     * {@link ConstraintCode} of a service's own. {@code @Size} and {@code @Length} state two ({@link #of} picks).
     */
    public static Optional<ErrorCode> declaredBy(Class<? extends Annotation> constraint) {
        if (constraint == Size.class || constraint == Length.class) {
            return Optional.of(ErrorCode.TOO_LONG);
        }
        ConstraintCode own = constraint.getAnnotation(ConstraintCode.class);
        return Optional.ofNullable(own != null ? own.value() : BUILT_IN.get(constraint));
    }

    /** The code of one violation: the validator's own choice (dynamic payload), else its constraint's. */
    public static ErrorCode of(ConstraintViolation<?> violation) {
        ErrorCode chosen = dynamicCode(violation);
        if (chosen != null) {
            return chosen;
        }
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        return switch (constraint) {
            case Size size -> lengthCode(violation.getInvalidValue(), size.min());
            case Length length -> lengthCode(violation.getInvalidValue(), length.min());
            default ->
                declaredBy(constraint.annotationType())
                        // A constraint without a code is a bug the enumerating tests catch; the client still gets
                        // the most general code rather than an entry without one.
                        .orElse(ErrorCode.INCONSISTENT);
        };
    }

    /**
     * Reports a violation of a multi-rule validator on {@code field} with its own code; returns false, the
     * validator's answer.
     */
    public static boolean report(ConstraintValidatorContext context, String field, ErrorCode code, String message) {
        context.disableDefaultConstraintViolation();
        context.unwrap(HibernateConstraintValidatorContext.class)
                .withDynamicPayload(code)
                .buildConstraintViolationWithTemplate(message)
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }

    private static ErrorCode dynamicCode(ConstraintViolation<?> violation) {
        try {
            HibernateConstraintViolation<?> hibernate = violation.unwrap(HibernateConstraintViolation.class);
            return hibernate.getDynamicPayload(ErrorCode.class);
        } catch (RuntimeException notHibernate) {
            return null;
        }
    }

    private static ErrorCode lengthCode(Object value, int min) {
        int length = switch (value) {
            case CharSequence text -> text.length();
            case Collection<?> collection -> collection.size();
            case Map<?, ?> map -> map.size();
            case null -> 0;
            default -> value.getClass().isArray() ? Array.getLength(value) : Integer.MAX_VALUE;
        };
        return length < min ? ErrorCode.TOO_SHORT : ErrorCode.TOO_LONG;
    }
}
