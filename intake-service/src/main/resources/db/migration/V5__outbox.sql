-- The transactional outbox behind GET /internal/v1/intake/events (contract: docs/events.md).
-- CACHE 1 (the default, stated on purpose): a per-session cache would hand out positions out of order.
CREATE SEQUENCE outbox_event_position_seq AS bigint CACHE 1;

CREATE TABLE outbox_event (
    position     bigint       PRIMARY KEY,
    event_id     uuid         NOT NULL UNIQUE,
    type         varchar(64)  NOT NULL,
    clinic_id    uuid         NOT NULL,
    pseudonym_id uuid,
    occurred_at  timestamptz  NOT NULL,
    payload      jsonb        NOT NULL
);
