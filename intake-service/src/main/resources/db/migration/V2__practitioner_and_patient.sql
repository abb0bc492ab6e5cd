-- Practitioners and patients belong to exactly one clinic. The (id, clinic_id) unique keys let child tables
-- reference a parent *within the same clinic*, so the database itself refuses cross-tenant links.

CREATE TABLE practitioner (
    id                            uuid PRIMARY KEY,
    clinic_id                     uuid         NOT NULL REFERENCES clinic (id),
    given_name                    varchar(100) NOT NULL,
    family_name                   varchar(100) NOT NULL,
    licence_number                varchar(64)  NOT NULL,
    profession                    varchar(32)  NOT NULL,
    qualifications                varchar(500),
    years_in_acupuncture_practice integer CHECK (years_in_acupuncture_practice BETWEEN 0 AND 80),
    active                        boolean      NOT NULL DEFAULT true,
    created_at                    timestamptz  NOT NULL,
    updated_at                    timestamptz  NOT NULL,
    version                       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT practitioner_id_clinic_uq UNIQUE (id, clinic_id),
    CONSTRAINT practitioner_licence_uq UNIQUE (clinic_id, licence_number)
);

CREATE INDEX practitioner_clinic_created_idx ON practitioner (clinic_id, created_at, id);

CREATE TABLE patient (
    id            uuid PRIMARY KEY,
    clinic_id     uuid         NOT NULL REFERENCES clinic (id),
    -- The only patient id that ever leaves intake-service (events, outcomes, research).
    pseudonym_id  uuid         NOT NULL UNIQUE,
    given_name    varchar(100) NOT NULL,
    family_name   varchar(100) NOT NULL,
    date_of_birth date         NOT NULL,
    sex           varchar(16)  NOT NULL,
    email         varchar(254),
    phone         varchar(32),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT patient_id_clinic_uq UNIQUE (id, clinic_id)
);

CREATE INDEX patient_clinic_name_idx ON patient (clinic_id, family_name, given_name, id);

-- External identifiers (an EHR's MRN with the URI of its system). One value per system and clinic.
CREATE TABLE patient_identifier (
    patient_id uuid         NOT NULL,
    clinic_id  uuid         NOT NULL,
    type       varchar(32)  NOT NULL,
    system     varchar(200) NOT NULL,
    value      varchar(64)  NOT NULL,
    PRIMARY KEY (patient_id, system, value),
    FOREIGN KEY (patient_id, clinic_id) REFERENCES patient (id, clinic_id) ON DELETE CASCADE,
    CONSTRAINT patient_identifier_clinic_system_value_uq UNIQUE (clinic_id, system, value)
);

CREATE INDEX patient_identifier_clinic_value_idx ON patient_identifier (clinic_id, value);
