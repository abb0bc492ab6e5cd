#!/usr/bin/env bash
# The test command: prepares a fresh test database on a real PostgreSQL and a Redis (starting or installing them if needed)
# and runs every module's tests against it. Extra arguments go to Maven (e.g. -pl intake-service).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/db.sh"
source "$(dirname "$0")/lib/redis.sh"

select_jdk
log "using JDK $JAVA_HOME"
bootstrap_database "$MERIDIAN_TEST_DB_NAME" --recreate
ensure_redis # the gateway's shared rate limit tests use it

export QUARKUS_DATASOURCE_JDBC_URL
QUARKUS_DATASOURCE_JDBC_URL=$(jdbc_url "$MERIDIAN_TEST_DB_NAME")
cd "$MERIDIAN_ROOT"
# A run of some modules (-pl) also builds the modules they depend on (-am): the services' tests need event-contract.
args=("$@")
if printf '%s\n' "$@" | grep -qE '^(-pl|--projects)' && ! printf '%s\n' "$@" | grep -qxE -- '-am|--also-make'; then
  args+=(-am)
fi
./mvnw -B -ntp verify "${args[@]}"
