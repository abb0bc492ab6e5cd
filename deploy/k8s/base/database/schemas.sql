-- Run once by CloudNativePG as the superuser in the new "meridian" database (bootstrap.initdb.postInitApplicationSQLRefs).
-- The same roles, privileges and schemas as scripts/sql/cluster.sql and database.sql create for the local scripts and
-- docker compose; keep them in step. Plain SQL only: CloudNativePG does not run psql meta-commands.
-- The roles' passwords come from the Secrets named in the Cluster's spec.managed.roles, which the operator applies
-- once the instance is up.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'intake_svc') THEN
    CREATE ROLE intake_svc LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'outcomes_svc') THEN
    CREATE ROLE outcomes_svc LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

REVOKE ALL ON DATABASE meridian FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE meridian TO intake_svc, outcomes_svc;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS intake AUTHORIZATION intake_svc;
ALTER SCHEMA intake OWNER TO intake_svc;
REVOKE ALL ON SCHEMA intake FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS outcomes AUTHORIZATION outcomes_svc;
ALTER SCHEMA outcomes OWNER TO outcomes_svc;
REVOKE ALL ON SCHEMA outcomes FROM PUBLIC;

ALTER ROLE intake_svc IN DATABASE meridian SET search_path = intake;
ALTER ROLE outcomes_svc IN DATABASE meridian SET search_path = outcomes;
