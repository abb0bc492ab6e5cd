-- outcomes-service needs each clinic's time zone for calendar boundaries (the visit-12 check's annual cap). Clinics
-- registered from now on publish ClinicRegistered (docs/events.md); this announces the clinics that already exist,
-- oldest first, after every event already on the feed. The outbox lock comes first, as in OutboxRepository, so that
-- these positions become visible in commit order like any other.
SELECT pg_advisory_xact_lock(5567946988945228110);

INSERT INTO outbox_event (position, event_id, type, clinic_id, pseudonym_id, occurred_at, payload)
SELECT nextval('outbox_event_position_seq'), gen_random_uuid(), 'ClinicRegistered', ordered.id, NULL, now(),
       jsonb_build_object('clinicId', ordered.id, 'timeZone', ordered.time_zone)
  FROM (SELECT id, time_zone, row_number() OVER (ORDER BY created_at, id) AS rank FROM clinic) ordered
 ORDER BY ordered.rank;
