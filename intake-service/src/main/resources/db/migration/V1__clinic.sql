CREATE TABLE clinic (
    id                  uuid PRIMARY KEY,
    name                varchar(200) NOT NULL,
    registration_number varchar(64),
    contact_email       varchar(254),
    contact_phone       varchar(32),
    time_zone           varchar(64)  NOT NULL,
    active              boolean      NOT NULL DEFAULT true,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0
);

CREATE INDEX clinic_created_at_id_idx ON clinic (created_at, id);
