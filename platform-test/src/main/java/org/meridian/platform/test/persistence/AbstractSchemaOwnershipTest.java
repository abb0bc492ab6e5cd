package org.meridian.platform.test.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service's role owns the service's schema and cannot see into the other service's schema. */
public abstract class AbstractSchemaOwnershipTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final String schema;
    private final String otherSchema;

    /** @param schema the service's schema, owned by the role {@code <schema>_svc} */
    protected AbstractSchemaOwnershipTest(String schema, String otherSchema) {
        this.schema = schema;
        this.otherSchema = otherSchema;
    }

    /** The service's own connection pool. */
    protected abstract DataSource dataSource();

    @Test
    void connectsAsTheServiceRoleWhichOwnsTheServiceSchema() throws SQLException {
        assertThat(queryString("select current_user")).isEqualTo(schema + "_svc");
        assertThat(queryString("select nspowner::regrole::text from pg_namespace where nspname = '" + schema + "'"))
                .isEqualTo(schema + "_svc");
    }

    @Test
    void cannotReadTheOtherServiceSchema() throws SQLException {
        assertThat(queryString("select count(*) from pg_namespace where nspname = '" + otherSchema + "'"))
                .isEqualTo("1");
        assertThat(queryString("select has_schema_privilege('" + otherSchema + "', 'USAGE')"))
                .isEqualTo("f");
        assertThatThrownBy(() -> queryString("select count(*) from " + otherSchema + ".flyway_schema_history"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    @Test
    void cannotCreateObjectsInTheOtherServiceOrPublicSchema() {
        assertThatThrownBy(() -> execute("create table " + otherSchema + ".intruder (id int)"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        assertThatThrownBy(() -> execute("create table public.intruder (id int)"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
