CREATE TABLE consent (
    id                     uuid PRIMARY KEY,
    clinic_id              uuid         NOT NULL,
    patient_id             uuid         NOT NULL,
    kind                   varchar(16)  NOT NULL,
    document_version       varchar(32)  NOT NULL,
    given_at               timestamptz  NOT NULL,
    recorded_at            timestamptz  NOT NULL,
    withdrawn_at           timestamptz,
    withdrawal_reason      varchar(500),
    withdrawal_recorded_at timestamptz,
    superseded_at          timestamptz,
    version                bigint       NOT NULL DEFAULT 0,
    FOREIGN KEY (patient_id, clinic_id) REFERENCES patient (id, clinic_id),
    CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
);

-- At most one current (neither withdrawn nor superseded) consent of each kind per patient.
CREATE UNIQUE INDEX consent_current_uq ON consent (patient_id, kind)
    WHERE withdrawn_at IS NULL AND superseded_at IS NULL;
CREATE INDEX consent_patient_idx ON consent (clinic_id, patient_id, given_at, id);

CREATE TABLE intake_assessment (
    id                                  uuid PRIMARY KEY,
    clinic_id                           uuid         NOT NULL,
    patient_id                          uuid         NOT NULL,
    assessed_on                         date         NOT NULL,
    assessed_by                         uuid         NOT NULL,
    low_back                            boolean      NOT NULL,
    upper_back                          boolean      NOT NULL,
    sciatica_side                       varchar(16),
    onset_date                          date,
    pain_duration_months                integer      NOT NULL CHECK (pain_duration_months >= 0),
    pain_frequency                      varchar(32)  NOT NULL,
    chronicity                          varchar(16)  NOT NULL,
    rf_saddle_anaesthesia_bladder_bowel boolean      NOT NULL,
    rf_fever                            boolean      NOT NULL,
    rf_major_trauma                     boolean      NOT NULL,
    rf_history_of_cancer                boolean      NOT NULL,
    rf_unexplained_weight_loss          boolean      NOT NULL,
    rf_progressive_neuro_deficit        boolean      NOT NULL,
    red_flag_positive                   boolean      NOT NULL,
    red_flag_acknowledged_by            uuid,
    red_flag_acknowledged_at            timestamptz,
    red_flag_acknowledgement_note       varchar(1000),
    work_status                         varchar(32)  NOT NULL,
    notes                               varchar(2000),
    recorded_at                         timestamptz  NOT NULL,
    updated_at                          timestamptz  NOT NULL,
    version                             bigint       NOT NULL DEFAULT 0,
    FOREIGN KEY (patient_id, clinic_id) REFERENCES patient (id, clinic_id),
    FOREIGN KEY (assessed_by, clinic_id) REFERENCES practitioner (id, clinic_id),
    FOREIGN KEY (red_flag_acknowledged_by, clinic_id) REFERENCES practitioner (id, clinic_id),
    CHECK (low_back OR upper_back OR sciatica_side IS NOT NULL),
    CHECK (red_flag_acknowledged_at IS NULL OR red_flag_positive)
);

CREATE INDEX intake_assessment_patient_idx ON intake_assessment (clinic_id, patient_id, assessed_on, id);
-- Finds patients who must be referred before needling.
CREATE INDEX intake_assessment_unacknowledged_idx ON intake_assessment (patient_id)
    WHERE red_flag_positive AND red_flag_acknowledged_at IS NULL;

CREATE TABLE intake_analgesic_use (
    assessment_id uuid        NOT NULL REFERENCES intake_assessment (id) ON DELETE CASCADE,
    position      integer     NOT NULL,
    drug_class    varchar(32) NOT NULL,
    days_per_week integer     NOT NULL CHECK (days_per_week BETWEEN 0 AND 7),
    name          varchar(100),
    PRIMARY KEY (assessment_id, position)
);

CREATE TABLE intake_prior_treatment (
    assessment_id uuid        NOT NULL REFERENCES intake_assessment (id) ON DELETE CASCADE,
    treatment     varchar(32) NOT NULL,
    PRIMARY KEY (assessment_id, treatment)
);
