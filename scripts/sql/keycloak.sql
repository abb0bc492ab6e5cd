-- Keycloak's own database on the same PostgreSQL: a login role that owns it, nobody else may connect. Idempotent.
-- Variables: keycloak_user, keycloak_password, keycloak_db.
SELECT format('CREATE ROLE %I LOGIN', :'keycloak_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'keycloak_user') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'keycloak_user', :'keycloak_password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'keycloak_db', :'keycloak_user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'keycloak_db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'keycloak_db', :'keycloak_user') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'keycloak_db') \gexec
