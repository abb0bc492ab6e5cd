-- The pseudonymous projection of intake's patients, episodes and sessions, built from intake's event feed
-- (docs/events.md). No direct identifiers: pseudonymous ids, clinic, cohort attributes, session times.
CREATE TABLE projected_patient (
    pseudonym_id          uuid        PRIMARY KEY,
    clinic_id             uuid        NOT NULL,
    birth_year            integer,
    age_band              varchar(8),
    sex                   varchar(16),
    pain_sites            varchar(200),
    chronicity            varchar(16),
    pain_duration_months  integer,
    red_flag_positive     boolean,
    research_consent      boolean     NOT NULL DEFAULT false,
    consent_version       varchar(64),
    consent_changed_at    timestamptz,
    updated_at            timestamptz NOT NULL
);

CREATE TABLE projected_episode (
    episode_id        uuid        PRIMARY KEY,
    pseudonym_id      uuid        NOT NULL,
    clinic_id         uuid        NOT NULL,
    start_date        date,
    planned_sessions  integer,
    status            varchar(16),
    closed_reason     varchar(200),
    updated_at        timestamptz NOT NULL
);
CREATE INDEX projected_episode_patient_idx ON projected_episode (pseudonym_id, start_date);

CREATE TABLE projected_session (
    session_id      uuid        PRIMARY KEY,
    episode_id      uuid,
    pseudonym_id    uuid        NOT NULL,
    clinic_id       uuid        NOT NULL,
    session_number  integer,
    started_at      timestamptz,
    cancelled       boolean     NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX projected_session_episode_idx ON projected_session (episode_id, session_number);
CREATE INDEX projected_session_patient_idx ON projected_session (pseudonym_id, started_at);

-- Consumer bookkeeping, written in the same transaction as the projection rows it describes.
CREATE TABLE processed_event (
    event_id      varchar(64)  PRIMARY KEY,
    position      bigint       NOT NULL,
    type          varchar(64)  NOT NULL,
    processed_at  timestamptz  NOT NULL
);

CREATE TABLE feed_cursor (
    feed        varchar(64)  PRIMARY KEY,
    position    bigint       NOT NULL,
    updated_at  timestamptz  NOT NULL
);
INSERT INTO feed_cursor (feed, position, updated_at) VALUES ('intake-events', 0, now());
