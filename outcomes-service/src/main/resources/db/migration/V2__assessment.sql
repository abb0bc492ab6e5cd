-- One questionnaire submission: the answers item by item (nulls kept), the pinned instrument version and scoring
-- policy, and the score (exact fraction and its decimal). A draft has answers but no score yet.
CREATE TABLE assessment (
    id                  uuid         PRIMARY KEY,
    clinic_id           uuid         NOT NULL,
    pseudonym_id        uuid         NOT NULL,
    instrument_code     varchar(32)  NOT NULL,
    instrument_version  varchar(16)  NOT NULL,
    policy_id           varchar(100) NOT NULL,
    recall_period       varchar(32)  NOT NULL,
    timepoint           varchar(16)  NOT NULL,
    episode_id          uuid,
    session_id          uuid,
    follow_up_weeks     integer,
    answered_at         timestamptz  NOT NULL,
    received_at         timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    status              varchar(16)  NOT NULL,
    answers             jsonb        NOT NULL,
    items_missing       jsonb        NOT NULL,
    -- The score exactly as a fraction ("200/3"), and as a decimal (exact, or 20 places when it does not end)
    -- for sorting and aggregates. Change and responder status are always computed from score_exact.
    score_exact         varchar(100),
    score_value         numeric,
    score_details       jsonb,
    late                boolean      NOT NULL DEFAULT false,
    link_status         varchar(16)  NOT NULL,
    idempotency_key     varchar(128),
    request_hash        varchar(64),
    submitted_by        varchar(255),
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT assessment_status_ck CHECK (status IN ('SCORED', 'DRAFT')),
    CONSTRAINT assessment_scored_has_score_ck CHECK (status <> 'SCORED' OR (score_exact IS NOT NULL AND score_value IS NOT NULL)),
    CONSTRAINT assessment_timepoint_ck CHECK (timepoint IN ('BASELINE', 'PRE_SESSION', 'POST_SESSION', 'FOLLOW_UP', 'AD_HOC')),
    CONSTRAINT assessment_session_ck CHECK (timepoint NOT IN ('PRE_SESSION', 'POST_SESSION') OR session_id IS NOT NULL),
    CONSTRAINT assessment_follow_up_ck CHECK (timepoint <> 'FOLLOW_UP' OR follow_up_weeks IS NOT NULL),
    CONSTRAINT assessment_link_status_ck CHECK (link_status IN ('LINKED', 'PENDING', 'MISMATCH')),
    -- Idempotency: a retried submission (same Idempotency-Key or submissionId) can never create a second row.
    CONSTRAINT assessment_idempotency_uq UNIQUE (clinic_id, pseudonym_id, idempotency_key)
);

CREATE INDEX assessment_patient_idx ON assessment (clinic_id, pseudonym_id, answered_at, id);
CREATE INDEX assessment_episode_idx ON assessment (episode_id, instrument_code, answered_at);
CREATE INDEX assessment_session_idx ON assessment (session_id);
CREATE INDEX assessment_pending_idx ON assessment (pseudonym_id) WHERE link_status = 'PENDING';
