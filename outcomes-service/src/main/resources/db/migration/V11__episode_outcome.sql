-- Research aggregates read one row per patient-episode, instrument version and follow-up choice instead of pairing
-- a million assessments at query time (docs/research.md). The rows are derived data: PostgreSQL keeps them in step
-- with assessment and projected_session through statement-level triggers, in the transaction of the write, whatever
-- wrote it (the API, the intake projection, a bulk load). Research consent and cohort attributes are NOT copied here:
-- they are joined from projected_patient at query time, so a withdrawal counts at once.
CREATE TABLE episode_outcome (
    episode_id          uuid         NOT NULL,
    instrument_code     varchar(32)  NOT NULL,
    instrument_version  varchar(16)  NOT NULL,
    -- NULL: the latest scored assessment after the baseline that is not POST_SESSION;
    -- a number: the latest FOLLOW_UP assessment labelled with these weeks.
    follow_up_weeks     integer,
    pseudonym_id        uuid         NOT NULL,
    baseline_at         timestamptz  NOT NULL,
    follow_up_at        timestamptz  NOT NULL,
    baseline_value      numeric      NOT NULL,
    follow_up_value     numeric      NOT NULL,
    -- The exact scores as numerator / positive denominator, so responder rules compare fractions without rounding.
    baseline_num        numeric      NOT NULL,
    baseline_den        numeric      NOT NULL,
    follow_up_num       numeric      NOT NULL,
    follow_up_den       numeric      NOT NULL,
    -- Sessions of the episode held (not cancelled) up to the follow-up.
    sessions_held       integer      NOT NULL,
    CONSTRAINT episode_outcome_uq UNIQUE NULLS NOT DISTINCT (episode_id, instrument_code, instrument_version, follow_up_weeks)
);

CREATE INDEX episode_outcome_query_idx ON episode_outcome (instrument_code, instrument_version, follow_up_weeks)
    INCLUDE (pseudonym_id, sessions_held, baseline_value, follow_up_value, baseline_num, baseline_den, follow_up_num, follow_up_den);

-- Writers run in READ COMMITTED (the default; nothing in the services changes it): the refresh relies on each of
-- its statements seeing what committed before it. TRUNCATE of assessment or projected_session (tests, operations)
-- fires no trigger: truncate episode_outcome with them.
--
-- The pairing rule, for a set of episodes: baseline = the first BASELINE, else the earliest PRE_SESSION; follow-up =
-- the latest candidate, which must come after the baseline. AggregateRepository applies the same rule at query time
-- when a date range restricts which assessments count; ResearchSummaryConsistencyTest checks the two agree.
CREATE FUNCTION refresh_episode_outcome(episodes uuid[]) RETURNS void
    LANGUAGE plpgsql SET search_path = outcomes, pg_temp AS $$
DECLARE
    lock_key integer;
BEGIN
    IF episodes IS NULL OR cardinality(episodes) = 0 THEN
        RETURN;
    END IF;
    -- Two transactions writing to one episode must not each derive its rows from a snapshot without the other's
    -- write: the second waits for the first to commit, then (READ COMMITTED: a new snapshot per statement) sees it.
    -- Few episodes: a lock per episode, taken in a fixed order before any table lock, so that a writer waiting for
    -- an episode holds nothing a bulk refresh needs. Many (a bulk load): the whole table, so that the lock table
    -- cannot run out of slots; the rest of that transaction then needs no episode locks.
    IF current_setting('meridian.episode_outcome_locked', true) = 'on' THEN
        NULL;
    ELSIF cardinality(episodes) > 64 THEN
        LOCK TABLE episode_outcome IN SHARE ROW EXCLUSIVE MODE;
        PERFORM set_config('meridian.episode_outcome_locked', 'on', true);
    ELSE
        FOR lock_key IN SELECT DISTINCT hashtext(e::text) FROM unnest(episodes) e ORDER BY 1 LOOP
            -- 1297 is this lock's namespace; intake's outbox lock is a single bigint key and lives in another space.
            PERFORM pg_advisory_xact_lock(1297, lock_key);
        END LOOP;
        LOCK TABLE episode_outcome IN ROW EXCLUSIVE MODE;
    END IF;

    DELETE FROM episode_outcome WHERE episode_id = ANY (episodes);

    INSERT INTO episode_outcome (episode_id, instrument_code, instrument_version, follow_up_weeks, pseudonym_id,
                                 baseline_at, follow_up_at, baseline_value, follow_up_value,
                                 baseline_num, baseline_den, follow_up_num, follow_up_den, sessions_held)
    WITH scored AS MATERIALIZED (
        SELECT a.id, a.episode_id, a.instrument_code, a.instrument_version, a.pseudonym_id, a.timepoint,
               a.follow_up_weeks, a.answered_at, a.score_exact, a.score_value
          FROM assessment a
         WHERE a.episode_id = ANY (episodes)
           AND a.status = 'SCORED' AND a.link_status = 'LINKED'),
    baseline AS (
        SELECT DISTINCT ON (episode_id, instrument_code, instrument_version) *
          FROM scored WHERE timepoint IN ('BASELINE', 'PRE_SESSION')
         ORDER BY episode_id, instrument_code, instrument_version, timepoint <> 'BASELINE', answered_at, id),
    follow_up AS (
        (SELECT DISTINCT ON (episode_id, instrument_code, instrument_version) *, NULL::integer AS choice
           FROM scored WHERE timepoint <> 'POST_SESSION'
          ORDER BY episode_id, instrument_code, instrument_version, answered_at DESC, id DESC)
        UNION ALL
        (SELECT DISTINCT ON (episode_id, instrument_code, instrument_version, follow_up_weeks) *, follow_up_weeks
           FROM scored WHERE timepoint = 'FOLLOW_UP'
          ORDER BY episode_id, instrument_code, instrument_version, follow_up_weeks, answered_at DESC, id DESC))
    SELECT b.episode_id, b.instrument_code, b.instrument_version, f.choice, b.pseudonym_id,
           b.answered_at, f.answered_at, b.score_value, f.score_value,
           split_part(b.score_exact, '/', 1)::numeric, coalesce(nullif(split_part(b.score_exact, '/', 2), ''), '1')::numeric,
           split_part(f.score_exact, '/', 1)::numeric, coalesce(nullif(split_part(f.score_exact, '/', 2), ''), '1')::numeric,
           (SELECT count(*) FROM projected_session s
             WHERE s.episode_id = b.episode_id AND NOT s.cancelled AND s.started_at <= f.answered_at)
      FROM baseline b
      JOIN follow_up f ON f.episode_id = b.episode_id AND f.instrument_code = b.instrument_code
                      AND f.instrument_version = b.instrument_version AND f.answered_at > b.answered_at;
END
$$;

CREATE FUNCTION assessment_outcome_trigger() RETURNS trigger
    LANGUAGE plpgsql SET search_path = outcomes, pg_temp AS $$
BEGIN
    -- Drafts and unlinked submissions never pair, so their writes (most updates are drafts) cost one scan of the
    -- statement's own rows and nothing more.
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_episode_outcome(ARRAY(
            SELECT DISTINCT episode_id FROM new_rows
             WHERE episode_id IS NOT NULL AND status = 'SCORED' AND link_status = 'LINKED'));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM refresh_episode_outcome(ARRAY(
            SELECT episode_id FROM old_rows WHERE episode_id IS NOT NULL AND status = 'SCORED' AND link_status = 'LINKED'
             UNION
            SELECT episode_id FROM new_rows WHERE episode_id IS NOT NULL AND status = 'SCORED' AND link_status = 'LINKED'));
    ELSE
        PERFORM refresh_episode_outcome(ARRAY(
            SELECT DISTINCT episode_id FROM old_rows
             WHERE episode_id IS NOT NULL AND status = 'SCORED' AND link_status = 'LINKED'));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER assessment_outcome_insert AFTER INSERT ON assessment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_outcome_trigger();
CREATE TRIGGER assessment_outcome_update AFTER UPDATE ON assessment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_outcome_trigger();
CREATE TRIGGER assessment_outcome_delete AFTER DELETE ON assessment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assessment_outcome_trigger();

CREATE FUNCTION session_outcome_trigger() RETURNS trigger
    LANGUAGE plpgsql SET search_path = outcomes, pg_temp AS $$
BEGIN
    -- Every touched episode, even one without pairs yet: deciding that before taking its lock would race a
    -- submission creating its first pair, which would then count sessions without this uncommitted one.
    IF TG_OP = 'INSERT' THEN
        PERFORM refresh_episode_outcome(ARRAY(SELECT DISTINCT episode_id FROM new_rows WHERE episode_id IS NOT NULL));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM refresh_episode_outcome(ARRAY(
            SELECT episode_id FROM old_rows WHERE episode_id IS NOT NULL
             UNION
            SELECT episode_id FROM new_rows WHERE episode_id IS NOT NULL));
    ELSE
        PERFORM refresh_episode_outcome(ARRAY(SELECT DISTINCT episode_id FROM old_rows WHERE episode_id IS NOT NULL));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER session_outcome_insert AFTER INSERT ON projected_session
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_outcome_trigger();
CREATE TRIGGER session_outcome_update AFTER UPDATE ON projected_session
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_outcome_trigger();
CREATE TRIGGER session_outcome_delete AFTER DELETE ON projected_session
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION session_outcome_trigger();

-- Pairs for whatever is already stored.
SELECT refresh_episode_outcome(ARRAY(
    SELECT DISTINCT episode_id FROM assessment
     WHERE episode_id IS NOT NULL AND status = 'SCORED' AND link_status = 'LINKED'));
