package org.meridian.intake.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.meridian.platform.test.openapi.AbstractOperationIdsTest;
import org.meridian.platform.test.openapi.PublishedOperationIds;

@QuarkusTest
class OperationIdsTest extends AbstractOperationIdsTest {

    OperationIdsTest() {
        super(PublishedOperationIds.INTAKE);
    }
}
