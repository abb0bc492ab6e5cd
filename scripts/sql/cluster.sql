-- Cluster-wide objects: the two service roles and the database. Idempotent.
-- Variables: intake_user, intake_password, outcomes_user, outcomes_password, db.
SELECT format('CREATE ROLE %I LOGIN', :'intake_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'intake_user') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'outcomes_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'outcomes_user') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'intake_user', :'intake_password') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'outcomes_user', :'outcomes_password') \gexec
SELECT format('CREATE DATABASE %I ENCODING ''UTF8'' TEMPLATE template0', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
