package org.meridian.outcomes.research;

import io.agroal.api.AgroalDataSource;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes research data straight into the projection and assessment tables (plain JDBC, committed unless given a transaction). */
final class ResearchData {

    static final LocalDate START = LocalDate.parse("2026-03-02");

    private final AgroalDataSource dataSource;
    private final Connection transaction;
    private Instant receivedAt;

    ResearchData(AgroalDataSource dataSource, Instant receivedFrom) {
        this.dataSource = dataSource;
        this.transaction = null;
        this.receivedAt = receivedFrom;
    }

    /** Writes through {@code transaction}, an open connection whose commit is the caller's. */
    ResearchData(Connection transaction, Instant receivedFrom) {
        this.dataSource = null;
        this.transaction = transaction;
        this.receivedAt = receivedFrom;
    }

    record Patient(UUID pseudonymId, UUID clinicId, UUID episodeId) {}

    Patient patient(UUID clinic, String sex, String ageBand, String painSites, String chronicity, int sessions) {
        UUID pseudonym = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        execute("""
                INSERT INTO outcomes.projected_patient (pseudonym_id, clinic_id, birth_year, age_band, sex, pain_sites,
                    chronicity, research_consent, consent_version, consent_changed_at, updated_at)
                VALUES (?, ?, 1975, ?, ?, ?, ?, true, 'research-v1', now(), now())""", pseudonym, clinic, ageBand, sex, painSites, chronicity);
        execute("""
                INSERT INTO outcomes.projected_episode (episode_id, pseudonym_id, clinic_id, start_date, planned_sessions, status, updated_at)
                VALUES (?, ?, ?, ?, 12, 'ACTIVE', now())""", episode, pseudonym, clinic, START);
        for (int number = 1; number <= sessions; number++) {
            execute("""
                    INSERT INTO outcomes.projected_session (session_id, episode_id, pseudonym_id, clinic_id, session_number,
                        started_at, cancelled, updated_at) VALUES (?, ?, ?, ?, ?, ?, false, now())""", UUID.randomUUID(), episode, pseudonym, clinic, number, at(START.plusDays(3L * (number - 1))));
        }
        return new Patient(pseudonym, clinic, episode);
    }

    /** A session held {@code day} days after the start of the patient's episode. */
    UUID session(Patient patient, int number, int day) {
        UUID session = UUID.randomUUID();
        execute(
                """
                INSERT INTO outcomes.projected_session (session_id, episode_id, pseudonym_id, clinic_id, session_number,
                    started_at, cancelled, updated_at) VALUES (?, ?, ?, ?, ?, ?, false, now())""",
                session,
                patient.episodeId(),
                patient.pseudonymId(),
                patient.clinicId(),
                number,
                at(START.plusDays(day)));
        return session;
    }

    void cancelSession(UUID session) {
        execute(
                "UPDATE outcomes.projected_session SET cancelled = true, updated_at = now() WHERE session_id = ?",
                session);
    }

    void setLinkStatus(UUID assessment, String linkStatus) {
        execute(
                "UPDATE outcomes.assessment SET link_status = ?, updated_at = now() WHERE id = ?",
                linkStatus,
                assessment);
    }

    void deleteAssessment(UUID assessment) {
        execute("DELETE FROM outcomes.assessment WHERE id = ?", assessment);
    }

    /** An ODI-like score given as an exact fraction ("200/3") at a timepoint, answered {@code day} days after the start. */
    UUID assessment(
            Patient patient,
            String instrument,
            String version,
            String timepoint,
            Integer followUpWeeks,
            int day,
            String exact) {
        String[] parts = exact.split("/");
        BigDecimal value = parts.length == 1
                ? new BigDecimal(parts[0])
                : new BigDecimal(parts[0]).divide(new BigDecimal(parts[1]), new MathContext(22));
        receivedAt = receivedAt.plusMillis(1);
        UUID id = UUID.randomUUID();
        execute(
                """
                INSERT INTO outcomes.assessment (id, clinic_id, pseudonym_id, instrument_code, instrument_version, policy_id,
                    recall_period, timepoint, episode_id, session_id, follow_up_weeks, answered_at, received_at, updated_at,
                    status, answers, items_missing, score_exact, score_value, link_status)
                VALUES (?, ?, ?, ?, ?, 'test-policy', 'PAST_WEEK', ?, ?, ?, ?, ?, ?, ?, 'SCORED', '{}'::jsonb, '[]'::jsonb, ?, ?, 'LINKED')""",
                id,
                patient.clinicId(),
                patient.pseudonymId(),
                instrument,
                version,
                timepoint,
                patient.episodeId(),
                timepoint.endsWith("_SESSION") ? UUID.randomUUID() : null,
                followUpWeeks,
                at(START.plusDays(day)),
                Timestamp.from(receivedAt),
                Timestamp.from(receivedAt),
                exact,
                value);
        return id;
    }

    void withdrawConsent(Patient patient) {
        execute(
                "UPDATE outcomes.projected_patient SET research_consent = false, consent_changed_at = now() WHERE pseudonym_id = ?",
                patient.pseudonymId());
    }

    Instant lastReceivedAt() {
        return receivedAt;
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    private void execute(String sql, Object... values) {
        if (transaction != null) {
            execute(transaction, sql, values);
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, values);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection connection, String sql, Object... values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(
                        i + 1, values[i] instanceof LocalDate date ? java.sql.Date.valueOf(date) : values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
