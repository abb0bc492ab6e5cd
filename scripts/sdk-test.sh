#!/usr/bin/env bash
# Client SDKs: generates the TypeScript SDK (@hey-api/openapi-ts, sdk/typescript) and the Java SDK (openapi-generator,
# sdk/java) from the gateway's merged public OpenAPI document (gateway/target/openapi/meridian-openapi.json, written by
# the build), compiles both, checks that the running gateway serves that same document, and runs each SDK's scripted
# client flow through the gateway: register a patient, wait until outcomes knows them, submit an ODI and replay it,
# read the progress, and handle a 422 by its error codes.
# scripts/contract-test.sh runs it on its own stack. On its own, it uses the stack of `scripts/run.sh --demo` (or give
# MERIDIAN_URL, MERIDIAN_CLINIC_ID and MERIDIAN_TOKEN, a staff token of that clinic).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$MERIDIAN_ROOT"
select_jdk

merged=gateway/target/openapi/meridian-openapi.json
[ -f "$merged" ] || die "$merged is missing: build first (scripts/test.sh or ./mvnw package)"
command -v npm >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null

if [ -z "${MERIDIAN_URL:-}" ]; then
  run_dir=${MERIDIAN_RUN_DIR:-$MERIDIAN_ROOT/.run}
  [ -f "$run_dir/demo.env" ] || die "no stack with demo data: start one with scripts/run.sh --demo --detach, or set MERIDIAN_URL"
  # shellcheck disable=SC1091
  source "$run_dir/demo.env"
  export MERIDIAN_URL="http://127.0.0.1:${MERIDIAN_GATEWAY_PORT:-8080}"
  export MERIDIAN_CLINIC_ID=$CLINIC_ID
  export MERIDIAN_TOKEN
  MERIDIAN_TOKEN=$("$MERIDIAN_ROOT/scripts/token.sh" practitioner,clinic-admin --clinic "$CLINIC_ID" --sub sdk-flow)
fi
: "${MERIDIAN_CLINIC_ID:?set MERIDIAN_CLINIC_ID}" "${MERIDIAN_TOKEN:?set MERIDIAN_TOKEN}"

log "the gateway at $MERIDIAN_URL serves the document the SDKs are generated from"
mkdir -p target
curl -fsS "$MERIDIAN_URL/openapi" -o target/served-openapi.json
python3 - "$merged" target/served-openapi.json <<'PY' || die "the gateway serves another document than $merged: rebuild, or restart the stack"
import json, sys
built, served = (json.load(open(path)) for path in sys.argv[1:3])
sys.exit(0 if built == served else 1)
PY

log "TypeScript SDK: generate, compile, run the flow"
(cd sdk/typescript && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run -s generate >/dev/null \
  && npm run -s build && npm run -s flow)

log "Java SDK: generate, compile, run the flow"
./mvnw -B -ntp -q -f sdk/java/pom.xml package exec:java

log "both SDKs compile and their flows pass"
