CREATE TABLE episode (
    id               uuid PRIMARY KEY,
    clinic_id        uuid          NOT NULL,
    patient_id       uuid          NOT NULL,
    start_date       date          NOT NULL,
    planned_sessions integer       NOT NULL CHECK (planned_sessions BETWEEN 1 AND 60),
    goals            varchar(2000),
    status           varchar(16)   NOT NULL,
    closed_reason    varchar(32),
    closed_note      varchar(1000),
    closed_at        timestamptz,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    CONSTRAINT episode_id_clinic_uq UNIQUE (id, clinic_id),
    FOREIGN KEY (patient_id, clinic_id) REFERENCES patient (id, clinic_id),
    CHECK ((status IN ('COMPLETED', 'DISCONTINUED')) = (closed_at IS NOT NULL))
);

-- One open (planned or active) course of care per patient at a time.
CREATE UNIQUE INDEX episode_open_per_patient_uq ON episode (patient_id) WHERE status IN ('PLANNED', 'ACTIVE');
CREATE INDEX episode_patient_idx ON episode (clinic_id, patient_id, created_at, id);

CREATE TABLE treatment_session (
    id                   uuid PRIMARY KEY,
    clinic_id            uuid          NOT NULL,
    episode_id           uuid          NOT NULL,
    patient_id           uuid          NOT NULL,
    session_number       integer       NOT NULL CHECK (session_number >= 1),
    status               varchar(16)   NOT NULL,
    started_at           timestamptz   NOT NULL,
    practitioner_id      uuid          NOT NULL,
    style                varchar(32)   NOT NULL,
    style_details        varchar(500),
    needle_count         integer       NOT NULL CHECK (needle_count >= 1),
    de_qi_elicited       boolean       NOT NULL,
    stimulation          varchar(16)   NOT NULL,
    electro_frequency_hz integer CHECK (electro_frequency_hz BETWEEN 1 AND 1000),
    retention_minutes    integer       NOT NULL CHECK (retention_minutes BETWEEN 1 AND 120),
    needle_diameter_mm   numeric(4, 2) NOT NULL,
    needle_length_mm     integer       NOT NULL,
    needle_material      varchar(32)   NOT NULL,
    needle_manufacturer  varchar(100),
    notes                varchar(2000),
    cancelled_at         timestamptz,
    cancel_reason        varchar(32),
    cancel_note          varchar(1000),
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    version              bigint        NOT NULL DEFAULT 0,
    -- Numbers are assigned by the service under a lock on the episode; this is the race-free backstop.
    CONSTRAINT treatment_session_episode_number_uq UNIQUE (episode_id, session_number),
    CONSTRAINT treatment_session_id_clinic_uq UNIQUE (id, clinic_id),
    FOREIGN KEY (episode_id, clinic_id) REFERENCES episode (id, clinic_id),
    FOREIGN KEY (patient_id, clinic_id) REFERENCES patient (id, clinic_id),
    FOREIGN KEY (practitioner_id, clinic_id) REFERENCES practitioner (id, clinic_id),
    CHECK ((stimulation = 'ELECTRO') = (electro_frequency_hz IS NOT NULL)),
    CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);

CREATE INDEX treatment_session_episode_idx ON treatment_session (clinic_id, episode_id, session_number);

CREATE TABLE session_point (
    session_id uuid        NOT NULL REFERENCES treatment_session (id) ON DELETE CASCADE,
    position   integer     NOT NULL,
    code       varchar(16) NOT NULL,
    side       varchar(16) NOT NULL,
    depth_mm   integer     NOT NULL CHECK (depth_mm BETWEEN 1 AND 150),
    PRIMARY KEY (session_id, position)
);

CREATE TABLE session_co_intervention (
    session_id uuid         NOT NULL REFERENCES treatment_session (id) ON DELETE CASCADE,
    position   integer      NOT NULL,
    type       varchar(32)  NOT NULL,
    details    varchar(500),
    PRIMARY KEY (session_id, position)
);

CREATE TABLE adverse_event (
    id           uuid PRIMARY KEY,
    clinic_id    uuid          NOT NULL,
    session_id   uuid          NOT NULL,
    type         varchar(32)   NOT NULL,
    severity     varchar(16)   NOT NULL,
    serious      boolean       NOT NULL,
    description  varchar(2000),
    action_taken varchar(2000),
    recorded_at  timestamptz   NOT NULL,
    version      bigint        NOT NULL DEFAULT 0,
    FOREIGN KEY (session_id, clinic_id) REFERENCES treatment_session (id, clinic_id)
);

CREATE INDEX adverse_event_session_idx ON adverse_event (clinic_id, session_id, recorded_at, id);
