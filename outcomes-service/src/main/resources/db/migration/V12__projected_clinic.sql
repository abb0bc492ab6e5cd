-- Each clinic's IANA time zone, from intake's ClinicRegistered events (docs/events.md): calendar boundaries of the
-- visit-12 check (the annual cap's window) are the clinic's local days. intake announces existing clinics once
-- (its migration V7), so no backfill is needed here.
CREATE TABLE projected_clinic (
    clinic_id   uuid         PRIMARY KEY,
    time_zone   varchar(64)  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
