package org.meridian.outcomes.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.validation.ConstraintScan;
import org.meridian.platform.web.problem.ConstraintCodes;

/**
 * Every Bean Validation constraint the service uses reports a specific error code (docs/conventions.md#error-codes):
 * a built-in one platform maps, or a service's own that names its code with {@code @ConstraintCode}. Together with
 * FieldProblem and FieldError refusing an entry without a code, no error entry goes out without one.
 */
class ErrorCodeCoverageTest {

    @Test
    void everyConstraintInUseHasAnErrorCode() {
        Map<Class<? extends Annotation>, String> used = ConstraintScan.constraintsUsedUnder("org.meridian.outcomes");
        assertThat(used)
                .as("the scan finds the service's constraints")
                .containsKey(jakarta.validation.constraints.NotNull.class);
        Map<String, String> withoutCode = used.entrySet().stream()
                .filter(entry -> ConstraintCodes.declaredBy(entry.getKey()).isEmpty())
                .collect(Collectors.toMap(entry -> entry.getKey().getName(), Map.Entry::getValue));
        assertThat(withoutCode)
                .as("constraints without an error code, and where they are used")
                .isEmpty();
    }
}
