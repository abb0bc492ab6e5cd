#!/usr/bin/env bash
# Contract tests: starts its own stack (own database, own ports, own run directory, so a developer's stack is left
# alone), loads the demo data set, and runs Specmatic against intake-service and outcomes-service with valid tokens,
# using each service's generated OpenAPI document, in two passes per service (scripts/contract/fixtures.py says why):
#   generative  every operation, positive and negative variants (wrong types, missing fields, nulls, bounds), except
#               the successes that depend on state (an ETag, a session not yet cancelled, a unique licence number);
#   examples    each of those successes once, on objects created through the API just before.
# Every response must match the document and no request may get a 5xx. Prints a summary per pass, fails on any
# failed test, and always stops the stack it started. Run it after a build (scripts/test.sh does one); CI runs it
# after the Spectral lint. Logs and HTML reports go to target/contract-tests/<service>/<pass>/.
# Then the client side: scripts/sdk-test.sh generates and compiles the TypeScript and Java SDKs and runs their scripted
# flows through this stack's gateway (log: target/contract-tests/sdk.log); skipped when MERIDIAN_CONTRACT_FILTER is set.
# Environment:
#   MERIDIAN_CONTRACT_DB_NAME       database, recreated on every run (default meridian_contract)
#   MERIDIAN_CONTRACT_INTAKE_PORT / _OUTCOMES_PORT / _GATEWAY_PORT   ports (default 18081 / 18082 / 18080)
#   MERIDIAN_CONTRACT_SERVICES      which services to test (default "intake-service outcomes-service")
#   MERIDIAN_CONTRACT_FILTER        a Specmatic --filter expression, e.g. "PATH='/api/v1/outcomes/instruments'"
# Options:
#   --keep   leave the stack running afterwards, and reuse it if it is already up (for iterating on a fix; stop it
#            with MERIDIAN_RUN_DIR=.run/contract scripts/stop.sh)
set -euo pipefail
keep=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
# Everything of this run lives apart from the developer's stack: pid files, logs and dev keys under .run/contract.
export MERIDIAN_RUN_DIR="$root/.run/contract"
export MERIDIAN_DB_NAME=${MERIDIAN_CONTRACT_DB_NAME:-meridian_contract}
export MERIDIAN_INTAKE_PORT=${MERIDIAN_CONTRACT_INTAKE_PORT:-18081}
export MERIDIAN_OUTCOMES_PORT=${MERIDIAN_CONTRACT_OUTCOMES_PORT:-18082}
export MERIDIAN_GATEWAY_PORT=${MERIDIAN_CONTRACT_GATEWAY_PORT:-18080}
unset MERIDIAN_INTAKE_URL MERIDIAN_OUTCOMES_URL MERIDIAN_KEYS_DIR
source "$root/scripts/lib/common.sh"
source "$root/scripts/lib/db.sh"
source "$root/scripts/lib/services.sh"
source "$root/scripts/lib/keys.sh"
services=${MERIDIAN_CONTRACT_SERVICES:-intake-service outcomes-service}
out="$root/target/contract-tests"
specmatic_jar="$root/tools/openapi/node_modules/specmatic/specmatic.jar"

select_jdk
for service in $services; do
  [ -f "$root/$service/target/openapi/openapi.json" ] || die "$service/target/openapi/openapi.json is missing: build first (scripts/test.sh or ./mvnw package)"
done
command -v npm >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
[ -f "$specmatic_jar" ] || (cd "$root/tools/openapi" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
mkdir -p "$root/target"
started=$(date +%s)
if $keep && any_service_running; then
  log "reusing the contract-test stack that is already running"
else
  any_service_running && die "a contract-test stack is already running ($MERIDIAN_RUN_DIR); stop it with MERIDIAN_RUN_DIR=$MERIDIAN_RUN_DIR scripts/stop.sh"
  $keep || trap 'stop_all' EXIT
  "$root/scripts/run.sh" --detach --demo >"$out.log" 2>&1 || { tail -n 40 "$out.log" >&2; die "the stack did not start (log: $out.log)"; }
fi
ensure_dev_keys
# shellcheck disable=SC1091
source "$MERIDIAN_RUN_DIR/demo.env"
log "stack up with demo data in $(( $(date +%s) - started )) s"

rm -rf "$out"; mkdir -p "$out"
fixtures="$root/scripts/contract/fixtures.py"
status=0
summary=()

# specmatic PASS_DIR PORT FILTER: one Specmatic run in PASS_DIR (spec, dictionary, configuration, examples);
# records its counts in the summary and its failure in the status.
specmatic() {
  local pass_dir=$1 port=$2 filter=$3 rc t0 counts
  : >"$pass_dir/review.txt"
  t0=$(date +%s)
  set +e
  (cd "$pass_dir" && MERIDIAN_CONTRACT_TOKEN=$token MERIDIAN_CONTRACT_SERVICE_TOKEN=$service_token \
      "$JAVA_HOME/bin/java" -jar "$specmatic_jar" test --testBaseURL="http://127.0.0.1:$port" \
      --filter="$filter" >"$pass_dir/specmatic.log" 2>&1)
  rc=$?
  set -e
  counts=$(grep -aE 'Tests run: [1-9][0-9]*' "$pass_dir/specmatic.log" | tail -n 1 || true)
  # A failed run fails the build unless every failed test is one Specmatic did not run as it says (see review in
  # fixtures.py); those are listed all the same.
  if [ "$rc" -ne 0 ] && [ -n "$counts" ] \
      && python3 "$fixtures" review "$pass_dir/specmatic.log" "$pass_dir/openapi_dictionary.yaml" >"$pass_dir/review.txt"; then
    rc=0
  fi
  [ -s "$pass_dir/review.txt" ] && sed 's/^/[meridian]   /' "$pass_dir/review.txt" | cut -c1-400 >&2
  [ -n "$counts" ] || rc=1  # a pass that ran no test proves nothing
  [ "$rc" -eq 0 ] || status=1
  summary+=("$service, $(basename "$pass_dir"): ${counts:-no test summary (see $pass_dir/specmatic.log)} in $(( $(date +%s) - t0 ))s$([ "$rc" -eq 0 ] || echo ' FAILED')")
}

for service in $services; do
  case "$service" in
    intake-service) port=$MERIDIAN_INTAKE_PORT; roles=practitioner,clinic-admin,admin ;;
    outcomes-service) port=$MERIDIAN_OUTCOMES_PORT; roles=practitioner,clinic-admin,researcher,research-export,admin ;;
    *) die "unknown service $service" ;;
  esac
  # Linked to the demo's first practitioner: red-flag acknowledgements record the caller (docs/security.md).
  token=$("$root/scripts/token.sh" "$roles" --clinic "$CLINIC_ID" --practitioner "$PRACTITIONER_1_ID" --sub contract-test)
  # intake's internal feed takes outcomes-service's token instead (audience meridian-intake, role event-feed-reader).
  service_token=$("$root/scripts/token.sh" --service --ttl 3600)
  export SERVICE_URL="http://127.0.0.1:$port" CONTRACT_TOKEN=$token
  example_only=$(python3 "$fixtures" filter "$service")
  user_filter=${MERIDIAN_CONTRACT_FILTER:+ && ($MERIDIAN_CONTRACT_FILTER)}

  # Pass 1, generative: every operation and variant, positive and negative, but the example-only successes.
  generative="$out/$service/generative"
  mkdir -p "$generative"
  cp "$root/$service/target/openapi/openapi.json" "$root/tools/openapi/specmatic.yaml" "$generative/"
  python3 "$fixtures" dictionary "$service" "$generative/openapi_dictionary.yaml"
  log "Specmatic: generative tests of $service on port $port"
  specmatic "$generative" "$port" "!($example_only)$user_filter"

  # Pass 2, examples: each example-only success once, on objects created just now.
  examples="$out/$service/examples"
  mkdir -p "$examples"
  cp "$root/$service/target/openapi/openapi.json" "$generative/openapi_dictionary.yaml" "$examples/"
  cp "$root/tools/openapi/specmatic-examples.yaml" "$examples/specmatic.yaml"
  python3 "$fixtures" examples "$service" "$examples/openapi_examples"
  log "Specmatic: example tests of $service on port $port"
  specmatic "$examples" "$port" "($example_only)$user_filter"
done

# The client side of the contract: both SDKs generated from the merged document, compiled, and their scripted flows
# run through this stack's gateway (scripts/sdk-test.sh).
if [ -z "${MERIDIAN_CONTRACT_FILTER:-}" ]; then
  t0=$(date +%s)
  sdk_token=$("$root/scripts/token.sh" practitioner,clinic-admin --clinic "$CLINIC_ID" --sub sdk-flow)
  if MERIDIAN_URL="http://127.0.0.1:$MERIDIAN_GATEWAY_PORT" MERIDIAN_CLINIC_ID=$CLINIC_ID MERIDIAN_TOKEN=$sdk_token \
      "$root/scripts/sdk-test.sh" >"$out/sdk.log" 2>&1; then
    summary+=("SDKs (TypeScript, Java): generated, compiled, flows passed in $(( $(date +%s) - t0 ))s")
  else
    summary+=("SDKs (TypeScript, Java): FAILED (see target/contract-tests/sdk.log)")
    tail -n 30 "$out/sdk.log" >&2
    status=1
  fi
fi

log "contract tests (Specmatic, SDKs) done in $(( $(date +%s) - started )) s:"
for line in "${summary[@]}"; do log "  $line"; done
[ "$status" -eq 0 ] || log "failures: see target/contract-tests/<service>/<pass>/specmatic.log and the HTML report under build/reports there"
exit "$status"
