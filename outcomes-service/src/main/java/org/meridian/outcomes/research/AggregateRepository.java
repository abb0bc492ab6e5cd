package org.meridian.outcomes.research;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The cohort aggregate in one SQL statement: one baseline and one follow-up per consenting patient-episode, their
 * exact change and responder flags, then counts, means and SDs per group and dose band (GROUPING SETS). Responder
 * thresholds are compared on the stored exact fractions by cross-multiplication, never on rounded decimals.
 */
@ApplicationScoped
class AggregateRepository {

    /** How change is judged for the requested instrument version. */
    record Rules(boolean higherIsBetter, BigDecimal absoluteMcid, boolean relativeRuleApplies) {}

    private final AgroalDataSource dataSource;

    AggregateRepository(@DataSource(ResearchConfig.READ_DATASOURCE) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<AggregateRow> aggregate(AggregateQuery query, Rules rules) {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(query, rules, parameters);
        try (Connection connection = dataSource.getConnection()) {
            // A read-only transaction of its own, so that the pairing sorts and hashes get enough memory (SET LOCAL)
            // without spilling to disk, and nothing else is affected.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement settings = connection.createStatement();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                settings.execute("SET LOCAL work_mem = '64MB'");
                // The plan's cost passes jit_above_cost, but compiling it costs more than the sub-second query saves.
                settings.execute("SET LOCAL jit = off");
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                List<AggregateRow> rows = new ArrayList<>();
                int keyCount = query.groupBy().size();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(row(result, keyCount));
                    }
                }
                return rows;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("research aggregate failed", e);
        }
    }

    /** Every clinic of the projection (whatever its patients' consent): the groups of a table grouped by clinic. */
    List<String> clinics() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT DISTINCT clinic_id::text FROM outcomes.projected_patient ORDER BY 1")) {
            List<String> clinics = new ArrayList<>();
            while (result.next()) {
                clinics.add(result.getString(1));
            }
            return clinics;
        } catch (SQLException e) {
            throw new IllegalStateException("listing clinics failed", e);
        }
    }

    private static AggregateRow row(ResultSet result, int keyCount) throws SQLException {
        // GROUPING(k0, ..., kn) has a bit set for each column summed over, k0 the most significant
        int summedOver = result.getInt("g_keys");
        int dimensions = 0;
        List<String> keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            boolean present = (summedOver & (1 << (keyCount - 1 - i))) == 0;
            dimensions |= present ? 1 << i : 0;
            keys.add(present ? result.getString("k" + i) : null);
        }
        String band = result.getInt("g_band") == 0 ? result.getString("band") : null;
        return new AggregateRow(
                dimensions,
                keys,
                band,
                result.getLong("episodes"),
                result.getLong("patients"),
                result.getDouble("b_mean"),
                nullableDouble(result, "b_sd"),
                result.getDouble("f_mean"),
                nullableDouble(result, "f_sd"),
                result.getDouble("c_mean"),
                nullableDouble(result, "c_sd"),
                result.getLong("resp_mcid"),
                result.getLong("resp_mcid_n"),
                result.getLong("imp30"),
                result.getLong("imp30_n"),
                result.getLong("imp50"),
                result.getLong("imp50_n"),
                result.getLong("det"),
                result.getLong("det_n"));
    }

    private static Double nullableDouble(ResultSet result, String column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }

    private static String sql(AggregateQuery query, Rules rules, List<Object> parameters) {
        String pairs = query.from() == null && query.to() == null
                ? storedPairs(query, parameters)
                : pairsWithinDates(query, parameters);

        StringBuilder patientFilter = new StringBuilder("p.research_consent");
        if (!query.clinicIds().isEmpty()) {
            patientFilter
                    .append(" AND p.clinic_id IN (")
                    .append(query.clinicIds().stream().map(id -> "?").collect(Collectors.joining(", ")))
                    .append(')');
        }
        List<Object> patientParameters = new ArrayList<>();
        for (UUID clinic : query.clinicIds()) {
            patientParameters.add(clinic);
        }
        if (query.painSite() != null) {
            patientFilter.append(" AND (',' || p.pain_sites || ',') LIKE ?");
            patientParameters.add("%," + query.painSite() + ",%");
        }
        addEquals(patientFilter, patientParameters, "p.chronicity", query.chronicity());
        addEquals(patientFilter, patientParameters, "p.age_band", query.ageBand());
        addEquals(patientFilter, patientParameters, "p.sex", query.sex());
        parameters.addAll(patientParameters);

        String minSessions = "";
        if (query.minSessions() != null) {
            minSessions = " WHERE sessions >= " + query.minSessions().intValue();
        }

        // improvement as a fraction over the positive denominator bd*fd: bn*fd - fn*bd when higher is worse
        String improvement = rules.higherIsBetter() ? "(fn * bd - bn * fd)" : "(bn * fd - fn * bd)";
        String mcid = rules.absoluteMcid() == null ? null : rules.absoluteMcid().toPlainString();
        String responderMcid = mcid == null ? "NULL::boolean" : improvement + " >= " + mcid + " * bd * fd";
        String deteriorationMcid = mcid == null ? "NULL::boolean" : "-" + improvement + " >= " + mcid + " * bd * fd";
        // percent improvement = 100 * improvement / (bn * fd); compared without dividing, sign-aware
        String improved30 = percentAtLeast(rules, improvement, "30");
        String improved50 = percentAtLeast(rules, improvement, "50");
        String deterioratedRelative = rules.relativeRuleApplies()
                ? "CASE WHEN bn > 0 THEN 100 * " + improvement + " <= -30 * bn * fd" + " WHEN bn < 0 THEN 100 * "
                        + improvement + " >= -30 * bn * fd END"
                : "NULL::boolean";

        List<String> keyColumns = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            keyColumns.add(query.groupBy().get(i).groupExpression() + " AS k" + i);
        }
        String keySelect = keyColumns.isEmpty() ? "" : String.join(", ", keyColumns) + ", ";
        List<String> keyNames = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            keyNames.add("k" + i);
        }
        String keys = String.join(", ", keyNames);
        String outerKeys = keyNames.isEmpty() ? "" : keys + ", ";
        String groupingKeys = keyNames.isEmpty() ? "0 AS g_keys" : "GROUPING(" + keys + ") AS g_keys";

        return """
                WITH pairs AS (%s),
                cohort AS (
                    SELECT %spr.*
                      FROM pairs pr JOIN outcomes.projected_patient p ON p.pseudonym_id = pr.pseudonym_id
                     WHERE %s),
                flagged AS (
                    -- averaged as float8: numeric averages cost more than they add to statistics shown at 4 decimals
                    SELECT %spseudonym_id, b_value::float8 AS b_value, f_value::float8 AS f_value,
                           (f_value - b_value)::float8 AS change,
                           %s AS band,
                           %s AS resp_mcid, %s AS imp30, %s AS imp50,
                           CASE WHEN (%s) IS NULL AND (%s) IS NULL THEN NULL
                                ELSE coalesce(%s, false) OR coalesce(%s, false) END AS det
                      FROM cohort%s)
                SELECT %s%s, GROUPING(band) AS g_band, band,
                       count(*) AS episodes, count(DISTINCT pseudonym_id) AS patients,
                       avg(b_value) AS b_mean, stddev_samp(b_value) AS b_sd,
                       avg(f_value) AS f_mean, stddev_samp(f_value) AS f_sd,
                       avg(change) AS c_mean, stddev_samp(change) AS c_sd,
                       count(*) FILTER (WHERE resp_mcid) AS resp_mcid, count(resp_mcid) AS resp_mcid_n,
                       count(*) FILTER (WHERE imp30) AS imp30, count(imp30) AS imp30_n,
                       count(*) FILTER (WHERE imp50) AS imp50, count(imp50) AS imp50_n,
                       count(*) FILTER (WHERE det) AS det, count(det) AS det_n
                  FROM flagged
                 GROUP BY %s
                """.formatted(
                        pairs,
                        keySelect,
                        patientFilter,
                        outerKeys,
                        DoseBand.sqlCase("sessions"),
                        responderMcid,
                        improved30,
                        improved50,
                        deteriorationMcid,
                        deterioratedRelative,
                        deteriorationMcid,
                        deterioratedRelative,
                        minSessions,
                        outerKeys,
                        groupingKeys,
                        groupingSets(keyNames));
    }

    /**
     * Baseline/follow-up pairs as PostgreSQL keeps them in {@code episode_outcome} (V11): one row per patient-episode,
     * already paired, with its session count; a typical aggregate reads only these.
     */
    private static String storedPairs(AggregateQuery query, List<Object> parameters) {
        parameters.add(query.instrument());
        parameters.add(query.instrumentVersion());
        String followUp;
        if (query.followUpWeeks() == null) {
            followUp = "o.follow_up_weeks IS NULL";
        } else {
            followUp = "o.follow_up_weeks = ?";
            parameters.add(query.followUpWeeks());
        }
        return """
                SELECT o.episode_id, o.pseudonym_id, o.baseline_value AS b_value, o.follow_up_value AS f_value,
                       o.baseline_num AS bn, o.baseline_den AS bd, o.follow_up_num AS fn, o.follow_up_den AS fd,
                       o.sessions_held AS sessions
                  FROM outcomes.episode_outcome o
                 WHERE o.instrument_code = ? AND o.instrument_version = ? AND %s""".formatted(followUp);
    }

    /**
     * Pairs built at query time from the assessments answered within the date range (the range changes which
     * baseline and follow-up count, so the stored pairs cannot answer it). The rule is the one of
     * {@code refresh_episode_outcome} in V11.
     */
    private static String pairsWithinDates(AggregateQuery query, List<Object> parameters) {
        StringBuilder scored = new StringBuilder("""
                SELECT a.episode_id, a.pseudonym_id, a.timepoint, a.follow_up_weeks, a.answered_at, a.id,
                       a.score_exact, a.score_value
                  FROM outcomes.assessment a
                 WHERE a.status = 'SCORED' AND a.link_status = 'LINKED' AND a.episode_id IS NOT NULL
                   AND a.instrument_code = ? AND a.instrument_version = ?""");
        parameters.add(query.instrument());
        parameters.add(query.instrumentVersion());
        if (query.from() != null) {
            scored.append(" AND a.answered_at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            scored.append(" AND a.answered_at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        String followUpCondition;
        if (query.followUpWeeks() != null) {
            followUpCondition = "timepoint = 'FOLLOW_UP' AND follow_up_weeks = "
                    + query.followUpWeeks().intValue();
        } else {
            followUpCondition = "timepoint <> 'POST_SESSION'";
        }
        return """
                WITH scored AS NOT MATERIALIZED (%s),
                baseline AS (
                    SELECT DISTINCT ON (episode_id) episode_id, pseudonym_id, answered_at, score_exact, score_value
                      FROM scored WHERE timepoint IN ('BASELINE', 'PRE_SESSION')
                     ORDER BY episode_id, timepoint <> 'BASELINE', answered_at, id),
                follow_up AS (
                    SELECT DISTINCT ON (episode_id) episode_id, answered_at, score_exact, score_value
                      FROM scored WHERE %s
                     ORDER BY episode_id, answered_at DESC, id DESC)
                SELECT b.episode_id, b.pseudonym_id, b.score_value AS b_value, f.score_value AS f_value,
                       split_part(b.score_exact, '/', 1)::numeric AS bn,
                       coalesce(nullif(split_part(b.score_exact, '/', 2), ''), '1')::numeric AS bd,
                       split_part(f.score_exact, '/', 1)::numeric AS fn,
                       coalesce(nullif(split_part(f.score_exact, '/', 2), ''), '1')::numeric AS fd,
                       held.sessions
                  FROM baseline b JOIN follow_up f ON f.episode_id = b.episode_id AND f.answered_at > b.answered_at
                  -- counted once per pair (a scalar subquery would be re-evaluated in every branch of the band CASE)
                  CROSS JOIN LATERAL (SELECT count(*) AS sessions FROM outcomes.projected_session s
                         WHERE s.episode_id = b.episode_id AND NOT s.cancelled AND s.started_at <= f.answered_at) held
                """.formatted(scored, followUpCondition);
    }

    /**
     * Every combination of the group-by dimensions and the dose band: the cells, and all their margins. Suppression
     * needs every margin, because any of them can be had from another query that groups by fewer dimensions.
     */
    private static String groupingSets(List<String> keyNames) {
        List<String> columns = new ArrayList<>(keyNames);
        columns.add("band");
        List<String> sets = new ArrayList<>();
        for (int mask = (1 << columns.size()) - 1; mask >= 0; mask--) {
            List<String> set = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(columns.get(i));
                }
            }
            sets.add("(" + String.join(", ", set) + ")");
        }
        return "GROUPING SETS (" + String.join(", ", sets) + ")";
    }

    private static String percentAtLeast(Rules rules, String improvement, String percent) {
        if (!rules.relativeRuleApplies()) {
            return "NULL::boolean";
        }
        return "CASE WHEN bn > 0 THEN 100 * " + improvement + " >= " + percent + " * bn * fd"
                + " WHEN bn < 0 THEN 100 * " + improvement + " <= " + percent + " * bn * fd END";
    }

    private static void addEquals(StringBuilder filter, List<Object> parameters, String column, String value) {
        if (value != null) {
            filter.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }
}
