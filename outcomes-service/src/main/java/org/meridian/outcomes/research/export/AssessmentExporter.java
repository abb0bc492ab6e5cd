package org.meridian.outcomes.research.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.meridian.outcomes.research.ResearchConfig;
import org.meridian.outcomes.scoring.change.ChangeOutcome;
import org.meridian.outcomes.scoring.change.ChangeResult;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.math.ScoreRounding;
import org.meridian.outcomes.service.InstrumentRegistry;

/**
 * Streams de-identified, k-anonymous assessment rows of consenting patients (see {@link #RELEASED}) straight from a
 * server-side cursor (fetch size rows
 * per round trip, autocommit off, forward-only, read-only repeatable-read transaction), so memory stays flat
 * whatever the size. Rows come in (received_at, id) order, bounded above by the cursor taken when the export started,
 * which the client passes as {@code since} next time to get only what arrived later.
 */
@ApplicationScoped
public class AssessmentExporter {

    static final String[] COLUMNS = {
        "patient",
        "clinic",
        "ageBand",
        "sex",
        "sciatica",
        "chronicity",
        "instrument",
        "instrumentVersion",
        "timepoint",
        "followUpWeeks",
        "daysSinceEpisodeStart",
        "sessionNumber",
        "score",
        "changeFromBaseline",
        "responderAbsolute",
        "responderRelative",
        "improved50Percent",
        "deteriorationAbsolute",
        "deteriorationRelative"
    };

    /**
     * The patients an export may contain, with coarsened quasi-identifiers (age band, sex, sciatica or not,
     * chronicity; values outside intake's are null) and how many patients share them: with the clinic, and (for
     * those in a class under k) without it. A patient is released with the clinic when at least k share all five,
     * without it when at least k of those not released with theirs share the other four, otherwise not at all.
     * Over every consenting patient with a scored assessment, whatever the export's range, so that the classes do not
     * depend on which rows one export holds. {@code %1$d} is k.
     */
    private static final String RELEASED = """
            population AS (
                SELECT p.pseudonym_id, p.clinic_id,
                       CASE WHEN p.age_band IN ('0-17', '18-29', '30-39') THEN '0-39'
                            WHEN p.age_band IN ('40-49', '50-59') THEN '40-59'
                            WHEN p.age_band IN ('60-69', '70-79', '80+') THEN '60+' END AS age_group,
                       CASE WHEN p.sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN') THEN p.sex END AS sex,
                       CASE WHEN coalesce(p.pain_sites, '') <> '' THEN p.pain_sites LIKE '%%SCIATICA%%' END AS sciatica,
                       CASE WHEN p.chronicity IN ('CHRONIC', 'NOT_CHRONIC') THEN p.chronicity END AS chronicity
                  FROM outcomes.projected_patient p
                 WHERE p.research_consent
                   AND EXISTS (SELECT 1 FROM outcomes.assessment s WHERE s.pseudonym_id = p.pseudonym_id AND s.status = 'SCORED')),
            classes AS (
                SELECT population.*, count(*) OVER (PARTITION BY clinic_id, age_group, sex, sciatica, chronicity) AS with_clinic
                  FROM population),
            released AS (
                SELECT classes.*, CASE WHEN with_clinic >= %1$d THEN with_clinic
                       ELSE count(*) OVER (PARTITION BY with_clinic >= %1$d, age_group, sex, sciatica, chronicity) END AS without_clinic
                  FROM classes)""";

    private static final String SQL = """
            WITH %s,
            baseline AS (
                SELECT DISTINCT ON (episode_id, instrument_code, instrument_version)
                       episode_id, instrument_code, instrument_version, answered_at, score_exact
                  FROM outcomes.assessment
                 WHERE status = 'SCORED' AND episode_id IS NOT NULL AND timepoint IN ('BASELINE', 'PRE_SESSION')
                 ORDER BY episode_id, instrument_code, instrument_version, timepoint <> 'BASELINE', answered_at, id)
            SELECT a.pseudonym_id, CASE WHEN r.with_clinic >= %2$d THEN r.clinic_id END AS clinic_id, r.age_group,
                   r.sex, r.sciatica, r.chronicity,
                   a.instrument_code, a.instrument_version, a.timepoint, a.follow_up_weeks,
                   (a.answered_at AT TIME ZONE 'UTC')::date - e.start_date AS days_since_start,
                   (SELECT s.session_number FROM outcomes.projected_session s WHERE s.session_id = a.session_id) AS session_number,
                   a.score_exact, b.score_exact AS baseline_exact, b.answered_at < a.answered_at AS after_baseline
              FROM outcomes.assessment a
              JOIN released r ON r.pseudonym_id = a.pseudonym_id AND r.without_clinic >= %2$d
              LEFT JOIN outcomes.projected_episode e ON e.episode_id = a.episode_id
              LEFT JOIN baseline b ON b.episode_id = a.episode_id AND b.instrument_code = a.instrument_code
                                  AND b.instrument_version = a.instrument_version
             WHERE a.status = 'SCORED'
               AND (a.received_at, a.id) > (?, ?) AND (a.received_at, a.id) <= (?, ?)
             ORDER BY a.received_at, a.id
            """;

    private static final String WITHHELD = """
            WITH %s
            SELECT count(*) FILTER (WHERE without_clinic < %2$d) AS patients,
                   count(*) FILTER (WHERE with_clinic < %2$d AND without_clinic >= %2$d) AS clinic_withheld,
                   (SELECT count(*) FROM outcomes.assessment a JOIN released w ON w.pseudonym_id = a.pseudonym_id
                     WHERE w.without_clinic < %2$d AND a.status = 'SCORED'
                       AND (a.received_at, a.id) > (?, ?) AND (a.received_at, a.id) <= (?, ?)) AS rows
              FROM released
            """;

    /** What k-anonymity leaves out: patients, patients without their clinic, and rows of this export's range. */
    public record Withheld(long patients, long clinicWithheld, long rows) {}

    private static final String LAST_ROW = """
            SELECT received_at, id FROM outcomes.assessment WHERE status = 'SCORED'
             ORDER BY received_at DESC, id DESC LIMIT 1
            """;

    private static final JsonFactory JSON = new JsonFactory();

    private final AgroalDataSource dataSource;
    private final InstrumentRegistry instruments;
    private final ResearchConfig config;

    AssessmentExporter(
            @DataSource(ResearchConfig.READ_DATASOURCE) AgroalDataSource dataSource,
            InstrumentRegistry instruments,
            ResearchConfig config) {
        this.dataSource = dataSource;
        this.instruments = instruments;
        this.config = config;
    }

    /** The cursor of the newest scored assessment now: the upper bound of an export started now. */
    public Optional<ExportCursor> lastRow() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(LAST_ROW)) {
            if (!result.next()) {
                return Optional.empty();
            }
            return Optional.of(new ExportCursor(result.getTimestamp(1).toInstant(), result.getObject(2, UUID.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the export bound failed", e);
        }
    }

    /** Counts what k-anonymity withholds, patients overall and rows after {@code since} up to {@code until}. */
    public Withheld withheld(ExportCursor since, ExportCursor until) {
        int k = config.minCellSize();
        String sql = WITHHELD.formatted(RELEASED.formatted(k), k);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement settings = connection.createStatement();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                settings.execute("SET LOCAL work_mem = '64MB'"); // the classes' sorts stay in memory
                statement.setTimestamp(1, Timestamp.from(since.receivedAt()));
                statement.setObject(2, since.id());
                statement.setTimestamp(3, Timestamp.from(until.receivedAt()));
                statement.setObject(4, until.id());
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return new Withheld(
                            result.getLong("patients"), result.getLong("clinic_withheld"), result.getLong("rows"));
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting withheld patients failed", e);
        }
    }

    /** Writes the rows after {@code since} up to and including {@code until}; returns how many were written. */
    public long write(
            OutputStream output, ExportFormat format, Pseudonymizer pseudonyms, ExportCursor since, ExportCursor until)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
        RowWriter rows = format == ExportFormat.CSV ? new CsvRows(writer) : new JsonRows(writer);
        rows.start();
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL work_mem = '64MB'");
                }
                int k = config.minCellSize();
                String sql = SQL.formatted(RELEASED.formatted(k), k);
                try (PreparedStatement statement =
                        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    statement.setFetchSize(config.exportFetchSize());
                    statement.setTimestamp(1, Timestamp.from(since.receivedAt()));
                    statement.setObject(2, since.id());
                    statement.setTimestamp(3, Timestamp.from(until.receivedAt()));
                    statement.setObject(4, until.id());
                    Map<String, InstrumentDefinition> definitions = new HashMap<>();
                    Object[] values = new Object[COLUMNS.length];
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            fill(values, result, pseudonyms, definitions);
                            rows.row(values);
                            count++;
                        }
                    }
                }
            } finally {
                connection.rollback(); // read-only: nothing to keep
            }
        } catch (SQLException e) {
            throw new IOException("export query failed", e);
        }
        rows.finish();
        writer.flush();
        return count;
    }

    private void fill(
            Object[] values, ResultSet result, Pseudonymizer pseudonyms, Map<String, InstrumentDefinition> definitions)
            throws SQLException {
        values[0] = pseudonyms.patient(result.getObject("pseudonym_id", UUID.class));
        UUID clinic = result.getObject("clinic_id", UUID.class);
        values[1] = clinic == null ? null : pseudonyms.clinic(clinic);
        values[2] = result.getString("age_group");
        values[3] = result.getString("sex");
        boolean sciatica = result.getBoolean("sciatica");
        values[4] = result.wasNull() ? null : sciatica;
        values[5] = result.getString("chronicity");
        String code = result.getString("instrument_code");
        String version = result.getString("instrument_version");
        values[6] = code;
        values[7] = version;
        values[8] = result.getString("timepoint");
        values[9] = nullableInt(result, "follow_up_weeks");
        values[10] = nullableInt(result, "days_since_start");
        values[11] = nullableInt(result, "session_number");
        Rational score = Rational.parse(result.getString("score_exact"));
        values[12] = ScoreRounding.forApi(score);
        for (int i = 13; i < values.length; i++) {
            values[i] = null;
        }
        String baseline = result.getString("baseline_exact");
        if (baseline != null && result.getBoolean("after_baseline")) {
            InstrumentDefinition definition = definitions.computeIfAbsent(
                    code + " " + version, key -> instruments.find(code, version).orElse(null));
            if (definition != null) {
                ChangeOutcome outcome =
                        instruments.changeCalculator().calculate(definition, Rational.parse(baseline), score);
                if (outcome instanceof ChangeResult change) {
                    values[13] = ScoreRounding.forApi(change.change());
                    values[14] = change.responderAbsolute();
                    values[15] = change.responderRelative();
                    values[16] = change.improvedAtLeast50Percent();
                    values[17] = change.deteriorationAbsolute();
                    values[18] = change.deteriorationRelative();
                }
            }
        }
    }

    private static Integer nullableInt(ResultSet result, String column) throws SQLException {
        int value = result.getInt(column);
        return result.wasNull() ? null : value;
    }

    private interface RowWriter {
        void start() throws IOException;

        void row(Object[] values) throws IOException;

        void finish() throws IOException;
    }

    private static final class CsvRows implements RowWriter {
        private final Writer writer;

        CsvRows(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void start() throws IOException {
            writer.write(String.join(",", COLUMNS));
            writer.write('\n');
        }

        @Override
        public void row(Object[] values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                if (values[i] != null) {
                    writer.write(csv(text(values[i])));
                }
            }
            writer.write('\n');
        }

        @Override
        public void finish() {}

        private static String csv(String value) {
            if (value.indexOf(',') < 0
                    && value.indexOf('"') < 0
                    && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }

    private static final class JsonRows implements RowWriter {
        private final Writer writer;
        private JsonGenerator json;

        JsonRows(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void start() throws IOException {
            json = JSON.createGenerator(writer);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null);
        }

        @Override
        public void row(Object[] values) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeFieldName(COLUMNS[i]);
                Object value = values[i];
                switch (value) {
                    case null -> json.writeNull();
                    case String text -> json.writeString(text);
                    case Integer number -> json.writeNumber(number);
                    case BigDecimal number -> json.writeNumber(number);
                    case Boolean flag -> json.writeBoolean(flag);
                    default -> json.writeString(value.toString());
                }
            }
            json.writeEndObject();
            json.flush();
            writer.write('\n');
        }

        @Override
        public void finish() throws IOException {
            json.flush();
        }
    }

    private static String text(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }
}
