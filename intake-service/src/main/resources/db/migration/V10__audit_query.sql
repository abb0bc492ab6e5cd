-- The query string of operations marked @AuditQuery (the same audit trail as outcomes-service's; intake marks none).
ALTER TABLE audit_event ADD COLUMN request_query varchar(2000);
