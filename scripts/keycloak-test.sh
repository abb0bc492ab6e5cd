#!/usr/bin/env bash
# End-to-end tests against a real Keycloak (issue #15). Starts a stack of its own (own databases, recreated on every
# run; own ports; own run directory .run/keycloak-test) with scripts/run.sh --keycloak --demo, then runs
# scripts/keycloak/suite.py in two phases:
#   keycloak  tokens from Keycloak: every demo user's claims; the authorization matrix (the tables of the Java
#             AuthorizationMatrixTest) through the gateway; PKCE sign-in, refresh, logout and revocation; the EHR
#             client by client credentials (secret and private_key_jwt) reading FHIR Observations; a patient seeing
#             only their own data; SMART on FHIR: the clients' scopes, the standalone and the EHR launch (the patient
#             claim) and what their tokens reach; outcomes-service reading intake's feed with its client-credentials
#             token, which intake's /internal accepts and a user's or the EHR client's token does not; two key
#             rotations without restarting anything; expired and foreign-realm tokens refused with 401 problem+json at
#             the gateway and at each service
#   local     the same three applications restarted on the local key: the matrix again with scripts/token.sh tokens
#             holding the same claims, which must get the same outcome in every case
# Prints a line per check and "N passed, N failed"; exits non-zero on any failure and always stops what it started.
# Keycloak's start (30-60 s) and the waits the rotation and expiry checks need keep it out of scripts/test.sh: CI runs
# it as a step of its own. Output: target/keycloak-tests/ (stack log, one suite log per phase).
# Environment:
#   MERIDIAN_KEYCLOAK_TEST_DB_NAME    Meridian's database (default meridian_keycloak_test); Keycloak's is <it>_idp
#   MERIDIAN_KEYCLOAK_TEST_GATEWAY_PORT / _INTAKE_PORT / _OUTCOMES_PORT / _KEYCLOAK_PORT
#                                     ports (default 18090 / 18091 / 18092 / 18190); management ports are each + 1000
set -euo pipefail
[ $# -eq 0 ] || { sed -n '2,20p' "$0"; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
export MERIDIAN_RUN_DIR="$root/.run/keycloak-test"
export MERIDIAN_DB_NAME=${MERIDIAN_KEYCLOAK_TEST_DB_NAME:-meridian_keycloak_test}
export MERIDIAN_KEYCLOAK_DB_NAME="${MERIDIAN_DB_NAME}_idp"
export MERIDIAN_GATEWAY_PORT=${MERIDIAN_KEYCLOAK_TEST_GATEWAY_PORT:-18090}
export MERIDIAN_INTAKE_PORT=${MERIDIAN_KEYCLOAK_TEST_INTAKE_PORT:-18091}
export MERIDIAN_OUTCOMES_PORT=${MERIDIAN_KEYCLOAK_TEST_OUTCOMES_PORT:-18092}
export MERIDIAN_KEYCLOAK_PORT=${MERIDIAN_KEYCLOAK_TEST_KEYCLOAK_PORT:-18190}
export MERIDIAN_GATEWAY_MANAGEMENT_PORT=$((MERIDIAN_GATEWAY_PORT + 1000))
export MERIDIAN_INTAKE_MANAGEMENT_PORT=$((MERIDIAN_INTAKE_PORT + 1000))
export MERIDIAN_OUTCOMES_MANAGEMENT_PORT=$((MERIDIAN_OUTCOMES_PORT + 1000))
export MERIDIAN_KEYCLOAK_MANAGEMENT_PORT=$((MERIDIAN_KEYCLOAK_PORT + 1000))
unset MERIDIAN_INTAKE_URL MERIDIAN_OUTCOMES_URL MERIDIAN_KEYS_DIR MERIDIAN_KEYCLOAK_URL MERIDIAN_KEYCLOAK_REALM \
  MERIDIAN_SMART_AUTHORIZATION_SERVER MERIDIAN_JWT_ISSUER MERIDIAN_JWT_PUBLIC_KEY_LOCATION MERIDIAN_JWT_AUDIENCE \
  MERIDIAN_JWT_PRIVATE_KEY_LOCATION MERIDIAN_OIDC_TOKEN_ENDPOINT MERIDIAN_OUTCOMES_CLIENT_SECRET MERIDIAN_TOKEN_COMMAND
source "$root/scripts/lib/common.sh"
source "$root/scripts/lib/db.sh"
source "$root/scripts/lib/services.sh"
source "$root/scripts/lib/keys.sh"
source "$root/scripts/lib/keycloak.sh"
out="$root/target/keycloak-tests"
started=$(date +%s)

select_jdk
if any_service_running || keycloak_running; then
  die "a Keycloak test stack is already running ($MERIDIAN_RUN_DIR); stop it with MERIDIAN_RUN_DIR=$MERIDIAN_RUN_DIR scripts/stop.sh"
fi
rm -rf "$out"
mkdir -p "$out"
rm -f "$MERIDIAN_RUN_DIR/keycloak.env" "$MERIDIAN_RUN_DIR/demo.env"
trap 'stop_all; stop_keycloak' EXIT
bootstrap_database "$MERIDIAN_DB_NAME" --recreate
bootstrap_keycloak_database --recreate

log "starting the stack with Keycloak and the demo data (log: $out/stack.log)"
"$root/scripts/run.sh" --keycloak --demo --detach >"$out/stack.log" 2>&1 \
  || { tail -n 40 "$out/stack.log" >&2; die "the stack did not start (log: $out/stack.log)"; }
log "stack up with Keycloak and demo data in $(( $(date +%s) - started )) s"
set -a
# shellcheck disable=SC1091
source "$MERIDIAN_RUN_DIR/keycloak.env"
# shellcheck disable=SC1091
source "$MERIDIAN_RUN_DIR/demo.env"
set +a

passed=0 failed=0
# phase NAME: one run of the suite; its checks are printed and added to the totals.
phase() {
  local result
  set +e
  python3 "$root/scripts/keycloak/suite.py" "$1" "$out/state.json" 2>&1 | tee "$out/suite-$1.log"
  set -e
  result=$(grep '^RESULT ' "$out/suite-$1.log" | tail -n 1)
  if [ -z "$result" ]; then
    failed=$((failed + 1))  # the suite died without a summary (its output is above)
    return
  fi
  passed=$((passed + $(echo "$result" | cut -d' ' -f2)))
  failed=$((failed + $(echo "$result" | cut -d' ' -f3)))
}

log "phase 1: tokens from Keycloak"
phase keycloak

log "phase 2: the same services on the local key (scripts/token.sh)"
t0=$(date +%s)
stop_all
export MERIDIAN_JWT_ISSUER=https://auth.meridian.local
export MERIDIAN_JWT_PUBLIC_KEY_LOCATION="file:$MERIDIAN_KEYS_DIR/jwt-public.pem"
unset MERIDIAN_OIDC_TOKEN_ENDPOINT  # outcomes signs its token for intake's feed with the local key again
ensure_dev_keys
for service in intake-service outcomes-service gateway; do start_service "$service" "$(service_port "$service")"; done
for service in intake-service outcomes-service gateway; do wait_until_ready "$service"; done
log "restarted on the local key in $(( $(date +%s) - t0 )) s"
phase local

log "Keycloak end-to-end tests done in $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
