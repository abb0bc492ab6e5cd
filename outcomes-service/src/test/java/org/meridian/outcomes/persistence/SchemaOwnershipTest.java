package org.meridian.outcomes.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.meridian.platform.test.persistence.AbstractSchemaOwnershipTest;

/** The outcomes role owns the outcomes schema and cannot see into the intake schema. */
@QuarkusTest
class SchemaOwnershipTest extends AbstractSchemaOwnershipTest {

    @Inject
    AgroalDataSource dataSource;

    SchemaOwnershipTest() {
        super("outcomes", "intake");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
