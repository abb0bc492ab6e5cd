package org.meridian.intake.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.meridian.platform.test.openapi.AbstractOpenApiBoundsTest;

@QuarkusTest
class OpenApiBoundsTest extends AbstractOpenApiBoundsTest {

    OpenApiBoundsTest() {
        super(Map.of());
    }
}
