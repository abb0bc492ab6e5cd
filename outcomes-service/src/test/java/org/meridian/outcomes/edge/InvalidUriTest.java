package org.meridian.outcomes.edge;

import io.quarkus.test.junit.QuarkusTest;
import org.meridian.platform.test.edge.AbstractInvalidUriTest;

@QuarkusTest
class InvalidUriTest extends AbstractInvalidUriTest {}
