package org.meridian.intake.edge;

import io.quarkus.test.junit.QuarkusTest;
import org.meridian.intake.Fixtures;
import org.meridian.platform.test.edge.AbstractForwardedAddressTest;

@QuarkusTest
class ForwardedAddressTest extends AbstractForwardedAddressTest {

    ForwardedAddressTest() {
        super(Fixtures.API);
    }
}
