package org.meridian.outcomes.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The outcomes role owns the outcomes schema and cannot see into the intake schema. */
@QuarkusTest
class SchemaOwnershipTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void connectsAsTheOutcomesRoleWhichOwnsTheOutcomesSchema() throws SQLException {
        assertThat(queryString("select current_user")).isEqualTo("outcomes_svc");
        assertThat(queryString("select nspowner::regrole::text from pg_namespace where nspname = 'outcomes'"))
                .isEqualTo("outcomes_svc");
    }

    @Test
    void cannotReadTheIntakeSchema() throws SQLException {
        assertThat(queryString("select count(*) from pg_namespace where nspname = 'intake'")).isEqualTo("1");
        assertThat(queryString("select has_schema_privilege('intake', 'USAGE')")).isEqualTo("f");
        assertThatThrownBy(() -> queryString("select count(*) from intake.flyway_schema_history"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    @Test
    void cannotCreateObjectsInTheIntakeOrPublicSchema() {
        assertThatThrownBy(() -> execute("create table intake.intruder (id int)"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        assertThatThrownBy(() -> execute("create table public.intruder (id int)"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
