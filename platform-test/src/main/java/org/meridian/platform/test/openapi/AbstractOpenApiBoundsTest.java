package org.meridian.platform.test.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every string, integer and array of the served OpenAPI document is bounded ({@link OpenApiBounds}), so that the bounds
 * stay complete as the API grows: a new field or parameter without one fails here, before Spectral's OWASP rules fail
 * CI. The few arrays that grow with the data and cannot be bounded are listed by the service with their reasons.
 */
public abstract class AbstractOpenApiBoundsTest {

    private final Map<String, String> acceptedUnbounded;

    /** @param acceptedUnbounded JSON pointers of the schemas left unbounded, each with the reason why */
    protected AbstractOpenApiBoundsTest(Map<String, String> acceptedUnbounded) {
        this.acceptedUnbounded = acceptedUnbounded;
    }

    @Test
    void everyStringIntegerAndArrayIsBounded() {
        Object document = ServedOpenApi.document().get("$");
        assertThat(OpenApiBounds.problems(document, acceptedUnbounded.keySet())).isEmpty();
    }

    @Test
    void everyAcceptedExceptionIsStillUnbounded() {
        List<String> unbounded = OpenApiBounds.problems(ServedOpenApi.document().get("$"), Set.of());
        assertThat(acceptedUnbounded.keySet())
                .as("an exception that is bounded by now, or gone, leaves the list")
                .allSatisfy(pointer -> assertThat(unbounded)
                        .anySatisfy(problem -> assertThat(problem).startsWith(pointer + ":")));
    }
}
