#!/bin/bash
# Runs once inside the postgres container on first start (docker-entrypoint-initdb.d):
# the same roles, database and schemas as scripts/lib/db.sh creates on a local PostgreSQL.
set -euo pipefail
run_psql() { psql -X -q -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" "$@"; }
run_psql -d postgres \
  -v intake_user="${MERIDIAN_DB_INTAKE_USER:-intake_svc}" -v intake_password="${MERIDIAN_DB_INTAKE_PASSWORD:-intake_svc}" \
  -v outcomes_user="${MERIDIAN_DB_OUTCOMES_USER:-outcomes_svc}" -v outcomes_password="${MERIDIAN_DB_OUTCOMES_PASSWORD:-outcomes_svc}" \
  -v db="${MERIDIAN_DB_NAME:-meridian}" -f /meridian-sql/cluster.sql
run_psql -d "${MERIDIAN_DB_NAME:-meridian}" \
  -v intake_user="${MERIDIAN_DB_INTAKE_USER:-intake_svc}" -v outcomes_user="${MERIDIAN_DB_OUTCOMES_USER:-outcomes_svc}" \
  -v db="${MERIDIAN_DB_NAME:-meridian}" -f /meridian-sql/database.sql
