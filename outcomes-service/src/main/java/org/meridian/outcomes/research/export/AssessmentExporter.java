package org.meridian.outcomes.research.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.meridian.outcomes.service.InstrumentRegistry;

/**
 * Streams de-identified assessment rows of consenting patients straight from a server-side cursor (fetch size rows
 * per round trip, autocommit off, forward-only, read-only repeatable-read transaction), so memory stays flat
 * whatever the size. Rows come in (received_at, id) order, bounded above by the cursor taken when the export started,
 * which the client passes as {@code since} next time to get only what arrived later.
 */
@ApplicationScoped
public class AssessmentExporter {

    static final String[] COLUMNS = {"patient", "clinic", "ageBand", "sex", "painSites", "chronicity", "instrument",
            "instrumentVersion", "timepoint", "followUpWeeks", "daysSinceEpisodeStart", "sessionNumber", "score",
            "changeFromBaseline", "responderAbsolute", "responderRelative", "improved50Percent",
            "deteriorationAbsolute", "deteriorationRelative"};

    private static final String SQL = """
            WITH baseline AS (
                SELECT DISTINCT ON (episode_id, instrument_code, instrument_version)
                       episode_id, instrument_code, instrument_version, answered_at, score_exact
                  FROM outcomes.assessment
                 WHERE status = 'SCORED' AND episode_id IS NOT NULL AND timepoint IN ('BASELINE', 'PRE_SESSION')
                 ORDER BY episode_id, instrument_code, instrument_version, timepoint <> 'BASELINE', answered_at, id)
            SELECT a.pseudonym_id, p.clinic_id, p.age_band, p.sex, p.pain_sites, p.chronicity,
                   a.instrument_code, a.instrument_version, a.timepoint, a.follow_up_weeks,
                   (a.answered_at AT TIME ZONE 'UTC')::date - e.start_date AS days_since_start,
                   (SELECT s.session_number FROM outcomes.projected_session s WHERE s.session_id = a.session_id) AS session_number,
                   a.score_exact, b.score_exact AS baseline_exact, b.answered_at < a.answered_at AS after_baseline
              FROM outcomes.assessment a
              JOIN outcomes.projected_patient p ON p.pseudonym_id = a.pseudonym_id AND p.research_consent
              LEFT JOIN outcomes.projected_episode e ON e.episode_id = a.episode_id
              LEFT JOIN baseline b ON b.episode_id = a.episode_id AND b.instrument_code = a.instrument_code
                                  AND b.instrument_version = a.instrument_version
             WHERE a.status = 'SCORED'
               AND (a.received_at, a.id) > (?, ?) AND (a.received_at, a.id) <= (?, ?)
             ORDER BY a.received_at, a.id
            """;

    private static final String LAST_ROW = """
            SELECT received_at, id FROM outcomes.assessment WHERE status = 'SCORED'
             ORDER BY received_at DESC, id DESC LIMIT 1
            """;

    private static final JsonFactory JSON = new JsonFactory();

    private final AgroalDataSource dataSource;
    private final InstrumentRegistry instruments;
    private final ResearchConfig config;

    AssessmentExporter(AgroalDataSource dataSource, InstrumentRegistry instruments, ResearchConfig config) {
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

    /** Writes the rows after {@code since} up to and including {@code until}; returns how many were written. */
    public long write(OutputStream output, ExportFormat format, Pseudonymizer pseudonyms, ExportCursor since,
            ExportCursor until) throws IOException {
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
                try (PreparedStatement statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
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

    private void fill(Object[] values, ResultSet result, Pseudonymizer pseudonyms,
            Map<String, InstrumentDefinition> definitions) throws SQLException {
        values[0] = pseudonyms.patient(result.getObject("pseudonym_id", UUID.class));
        values[1] = pseudonyms.clinic(result.getObject("clinic_id", UUID.class));
        values[2] = result.getString("age_band");
        values[3] = result.getString("sex");
        values[4] = result.getString("pain_sites");
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
        values[12] = score.roundHalfUp(4);
        for (int i = 13; i < values.length; i++) {
            values[i] = null;
        }
        String baseline = result.getString("baseline_exact");
        if (baseline != null && result.getBoolean("after_baseline")) {
            InstrumentDefinition definition = definitions.computeIfAbsent(code + " " + version,
                    key -> instruments.find(code, version).orElse(null));
            if (definition != null) {
                ChangeOutcome outcome = instruments.changeCalculator().calculate(definition, Rational.parse(baseline), score);
                if (outcome instanceof ChangeResult change) {
                    values[13] = change.change().setScale(4, RoundingMode.HALF_UP);
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
        public void finish() {
        }

        private static String csv(String value) {
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
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
