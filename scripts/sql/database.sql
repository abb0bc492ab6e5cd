-- Per-database objects: one schema per service, owned by that service's role and closed to everyone else.
-- Variables: intake_user, outcomes_user, db. Idempotent.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I, %I', :'db', :'intake_user', :'outcomes_user') \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;

SELECT format('CREATE SCHEMA IF NOT EXISTS intake AUTHORIZATION %I', :'intake_user') \gexec
SELECT format('ALTER SCHEMA intake OWNER TO %I', :'intake_user') \gexec
REVOKE ALL ON SCHEMA intake FROM PUBLIC;

SELECT format('CREATE SCHEMA IF NOT EXISTS outcomes AUTHORIZATION %I', :'outcomes_user') \gexec
SELECT format('ALTER SCHEMA outcomes OWNER TO %I', :'outcomes_user') \gexec
REVOKE ALL ON SCHEMA outcomes FROM PUBLIC;

SELECT format('ALTER ROLE %I IN DATABASE %I SET search_path = intake', :'intake_user', :'db') \gexec
SELECT format('ALTER ROLE %I IN DATABASE %I SET search_path = outcomes', :'outcomes_user', :'db') \gexec
