#!/usr/bin/env bash
# Trace check: starts its own stack (own database, ports and run directory, so a developer's stack is left alone) with
# MERIDIAN_LOG_FORMAT=json and intake's feed not polled, creates a clinic and a patient through the gateway, and submits
# one assessment for that patient through the gateway with a traceparent of its own. outcomes has not projected the
# patient (no poll), so it asks intake's pseudonym lookup: the gateway, outcomes-service and intake-service all take part
# in the trace. Then it checks that the JSON logs of all three (logs/ of the run directory) carry that trace id, prints
# what it found, and exits non-zero if a service logged no line with it. Always stops the stack it started.
# Run it after a build (scripts/test.sh or ./mvnw package; scripts/run.sh rebuilds a stale one).
# Environment:
#   MERIDIAN_TRACE_CHECK_DB_NAME   database, recreated on every run (default meridian_trace_check)
#   MERIDIAN_TRACE_CHECK_INTAKE_PORT / _OUTCOMES_PORT / _GATEWAY_PORT   ports (default 28081 / 28082 / 28080; the
#                                  management ports are these plus 1000)
set -euo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
  "") ;;
  *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
export MERIDIAN_RUN_DIR="$root/.run/trace-check"
export MERIDIAN_DB_NAME=${MERIDIAN_TRACE_CHECK_DB_NAME:-meridian_trace_check}
export MERIDIAN_INTAKE_PORT=${MERIDIAN_TRACE_CHECK_INTAKE_PORT:-28081}
export MERIDIAN_OUTCOMES_PORT=${MERIDIAN_TRACE_CHECK_OUTCOMES_PORT:-28082}
export MERIDIAN_GATEWAY_PORT=${MERIDIAN_TRACE_CHECK_GATEWAY_PORT:-28080}
export MERIDIAN_LOG_FORMAT=json
# No poll: outcomes cannot learn of the new patient from the feed, so the submission asks intake about it.
export MERIDIAN_INTAKE_POLL_EVERY=off
unset MERIDIAN_INTAKE_URL MERIDIAN_OUTCOMES_URL MERIDIAN_KEYS_DIR MERIDIAN_OTEL_ENDPOINT
source "$root/scripts/lib/common.sh"
source "$root/scripts/lib/services.sh"

any_service_running && die "a trace-check stack is already running ($MERIDIAN_RUN_DIR); stop it with MERIDIAN_RUN_DIR=$MERIDIAN_RUN_DIR scripts/stop.sh"
trap 'stop_all' EXIT
mkdir -p "$MERIDIAN_RUN_DIR"
"$root/scripts/run.sh" --detach >"$MERIDIAN_RUN_DIR/run.log" 2>&1 \
  || { tail -n 40 "$MERIDIAN_RUN_DIR/run.log" >&2; die "the stack did not start (log: $MERIDIAN_RUN_DIR/run.log)"; }

api="http://127.0.0.1:$MERIDIAN_GATEWAY_PORT/api/v1"
# call METHOD URL TOKEN BODY [HEADER...] -> the response body; dies on anything but 2xx
call() {
  local method=$1 url=$2 token=$3 body=$4 response status
  shift 4
  response=$(curl -sS -X "$method" "$url" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$@" -d "$body" -w '\n%{http_code}')
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  case "$status" in
    2??) printf '%s' "$response" ;;
    *) die "$method $url answered $status: $response" ;;
  esac
}
field() { python3 -c 'import sys, json; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

admin=$("$root/scripts/token.sh" admin --sub trace-check)
clinic=$(call POST "$api/intake/clinics" "$admin" '{"name": "Trace Check Clinic", "registrationNumber": "CL-TRACE-1",
  "contactEmail": "trace@clinic.example", "timeZone": "Europe/London"}' | field id)
staff=$("$root/scripts/token.sh" practitioner,clinic-admin --clinic "$clinic" --sub trace-check)
pseudonym=$(call POST "$api/intake/clinics/$clinic/patients" "$staff" '{"givenName": "Tess", "familyName": "Trace",
  "dateOfBirth": "1980-01-01", "sex": "FEMALE"}' | field pseudonymId)

trace_id=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
traceparent="00-$trace_id-$(python3 -c 'import secrets; print(secrets.token_hex(8))')-01"
answered=$(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%SZ)
link=$(call POST "$api/outcomes/clinics/$clinic/patients/$pseudonym/assessments" "$staff" \
  "{\"instrumentCode\": \"NRS_BACK_PAIN\", \"timepoint\": \"BASELINE\", \"answeredAt\": \"$answered\",
    \"answers\": {\"back_pain_nrs\": 4}}" -H "traceparent: $traceparent" | field linkStatus)
log "submitted an assessment with trace id $trace_id (link status $link)"

# Log lines are written as the requests finish; give the last ones a moment.
sleep 1
status=0
for service in gateway outcomes-service intake-service; do
  file="$MERIDIAN_RUN_DIR/logs/$service.log"
  found=$(python3 - "$file" "$trace_id" <<'PY'
import json, sys
path, trace = sys.argv[1], sys.argv[2]
for line in open(path, encoding="utf-8", errors="replace"):
    line = line.strip()
    if not line.startswith("{"):
        continue
    try:
        event = json.loads(line)
    except ValueError:
        continue
    mdc = event.get("mdc", {})
    if mdc.get("traceId") == trace:
        print("  %s %s [rid=%s clinic=%s span=%s] %s" % (event.get("time"), event.get("level"), mdc.get("requestId"),
              mdc.get("clinicId"), mdc.get("spanId"), event.get("message")))
PY
)
  if [ -n "$found" ]; then
    log "$service logged the trace:"
    printf '%s\n' "$found" >&2
  else
    log "$service logged no line with trace id $trace_id (log: $file)"
    status=1
  fi
done
[ "$status" -eq 0 ] && log "trace check passed: all three services logged trace $trace_id" || log "trace check FAILED"
exit "$status"
