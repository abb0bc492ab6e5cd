-- What a researcher asked for: the query string of the operations marked @AuditQuery (research aggregates and
-- exports), so that every export and aggregate can be traced to its parameters.
ALTER TABLE audit_event ADD COLUMN request_query varchar(2000);
