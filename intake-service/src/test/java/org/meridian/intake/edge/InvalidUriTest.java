package org.meridian.intake.edge;

import io.quarkus.test.junit.QuarkusTest;
import org.meridian.platform.test.edge.AbstractInvalidUriTest;

@QuarkusTest
class InvalidUriTest extends AbstractInvalidUriTest {}
