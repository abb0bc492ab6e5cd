-- Who did what, from the caller's verified token (docs/clinical-rules.md, "Who did what"): the token's subject and,
-- when the sign-in is linked to one (claim practitioner_id), the caller's practitioner record. Rows written before
-- this migration did not keep it: their columns stay NULL ("not recorded"), which the API shows as null.
ALTER TABLE intake_assessment
    ADD COLUMN entered_by_subject            varchar(255),
    ADD COLUMN entered_by_practitioner_id    uuid,
    ADD FOREIGN KEY (entered_by_practitioner_id, clinic_id) REFERENCES practitioner (id, clinic_id);

ALTER TABLE treatment_session
    ADD COLUMN entered_by_subject            varchar(255),
    ADD COLUMN entered_by_practitioner_id    uuid,
    ADD COLUMN cancelled_by_subject          varchar(255),
    ADD COLUMN cancelled_by_practitioner_id  uuid,
    ADD FOREIGN KEY (entered_by_practitioner_id, clinic_id) REFERENCES practitioner (id, clinic_id),
    ADD FOREIGN KEY (cancelled_by_practitioner_id, clinic_id) REFERENCES practitioner (id, clinic_id);

ALTER TABLE adverse_event
    ADD COLUMN reported_by_subject           varchar(255),
    ADD COLUMN reported_by_practitioner_id   uuid,
    ADD FOREIGN KEY (reported_by_practitioner_id, clinic_id) REFERENCES practitioner (id, clinic_id);

-- An episode moves at most twice (PLANNED -> ACTIVE, then to COMPLETED or DISCONTINUED), so two actors record every
-- transition. activated_at is new too; for episodes activated before, it stays NULL.
ALTER TABLE episode
    ADD COLUMN activated_at                  timestamptz,
    ADD COLUMN activated_by_subject          varchar(255),
    ADD COLUMN activated_by_practitioner_id  uuid,
    ADD COLUMN closed_by_subject             varchar(255),
    ADD COLUMN closed_by_practitioner_id     uuid,
    ADD FOREIGN KEY (activated_by_practitioner_id, clinic_id) REFERENCES practitioner (id, clinic_id),
    ADD FOREIGN KEY (closed_by_practitioner_id, clinic_id) REFERENCES practitioner (id, clinic_id);
