package org.meridian.intake.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.meridian.platform.test.persistence.AbstractSchemaOwnershipTest;

/** The intake role owns the intake schema and cannot see into the outcomes schema. */
@QuarkusTest
class SchemaOwnershipTest extends AbstractSchemaOwnershipTest {

    @Inject
    AgroalDataSource dataSource;

    SchemaOwnershipTest() {
        super("intake", "outcomes");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
