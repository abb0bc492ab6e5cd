-- A submission whose patient, episode or session intake never announced within the window is EXPIRED: kept (clinical
-- data; it is linked after all if the events ever arrive), but no longer waited for (docs/events.md#pending-links).
ALTER TABLE assessment DROP CONSTRAINT assessment_link_status_ck;
ALTER TABLE assessment ADD CONSTRAINT assessment_link_status_ck
    CHECK (link_status IN ('LINKED', 'PENDING', 'MISMATCH', 'EXPIRED'));
-- The expiry job's search: pending rows by age.
CREATE INDEX assessment_pending_received_idx ON assessment (received_at) WHERE link_status = 'PENDING';
-- Expired rows are reconciled like pending ones when the patient's events arrive after all.
CREATE INDEX assessment_expired_idx ON assessment (pseudonym_id) WHERE link_status = 'EXPIRED';

-- When outcomes first heard of the patient from intake's feed (GET .../patients/{pseudonymId} answers it as knownSince).
-- Patients projected before this column existed get their last update, the earliest time this service can vouch for.
ALTER TABLE projected_patient ADD COLUMN known_since timestamptz;
UPDATE projected_patient SET known_since = updated_at;
ALTER TABLE projected_patient ALTER COLUMN known_since SET NOT NULL;
ALTER TABLE projected_patient ALTER COLUMN known_since SET DEFAULT now();
