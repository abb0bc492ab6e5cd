package org.meridian.intake;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Counts rows of one clinic straight from the database, to prove a rejected request left nothing behind. */
@ApplicationScoped
public class TableCounts {

    private final AgroalDataSource dataSource;

    TableCounts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long rows(String table, String clinicId) {
        return query("select count(*) from intake." + table + " where clinic_id = ?", clinicId);
    }

    /** Events about the clinic's patients: every event of the clinic but its own ClinicRegistered. */
    public long patientEvents(String clinicId) {
        return query(
                "select count(*) from intake.outbox_event where clinic_id = ? and pseudonym_id is not null", clinicId);
    }

    private long query(String sql, String clinicId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(clinicId));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
