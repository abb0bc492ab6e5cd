-- The clinic list filters by exact registration number (an admin looking a clinic up by its licence); without
-- this index that would read every clinic. The practitioner list's filters need none: every one is within one
-- clinic, which practitioner_clinic_created_idx narrows to, and the licence number is served by the unique
-- (clinic_id, licence_number) key. A name "contains" search cannot use a B-tree index (pg_trgm's GIN index could,
-- but the service roles may not create extensions); it reads the clinics, one row per tenant, or one clinic's
-- practitioners.
CREATE INDEX clinic_registration_number_idx ON clinic (registration_number);
