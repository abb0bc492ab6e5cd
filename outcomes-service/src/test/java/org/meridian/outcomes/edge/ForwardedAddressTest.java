package org.meridian.outcomes.edge;

import io.quarkus.test.junit.QuarkusTest;
import org.meridian.platform.test.edge.AbstractForwardedAddressTest;

@QuarkusTest
class ForwardedAddressTest extends AbstractForwardedAddressTest {

    ForwardedAddressTest() {
        super("/api/v1/outcomes");
    }
}
