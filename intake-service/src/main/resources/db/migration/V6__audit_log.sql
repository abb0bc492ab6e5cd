-- Who read or wrote what, when, from where, and how it ended. Append-only: the service role can insert and read
-- but neither update nor delete, and a trigger refuses both even if the privilege were granted back.
CREATE TABLE audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz  NOT NULL,
    subject        varchar(255),
    roles          varchar(255),
    clinic_id      uuid,
    client         varchar(255),
    request_id     varchar(128),
    remote_address varchar(64),
    http_method    varchar(10)  NOT NULL,
    path           varchar(1000) NOT NULL,
    operation      varchar(255),
    resource_type  varchar(64),
    resource_id    varchar(64),
    status         integer      NOT NULL
);

CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at, id);
CREATE INDEX audit_event_subject_idx ON audit_event (subject, occurred_at);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM CURRENT_USER;
