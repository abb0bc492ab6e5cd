#!/usr/bin/env bash
# The run command: builds if needed, prepares the database, starts intake-service (8081), outcomes-service (8082)
# and the gateway (8080) in the background, waits until each is ready and prints the URLs.
#   --demo     load a small realistic demo data set through the gateway once everything is up
#   --detach   return once the stack is up (stop it later with scripts/stop.sh); default: stay attached, Ctrl-C stops
#   --rebuild  rebuild even if the jars look current
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/db.sh"
source "$(dirname "$0")/lib/services.sh"
source "$(dirname "$0")/lib/keys.sh"

demo=false detach=false rebuild=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    --detach) detach=true ;;
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done

select_jdk
command -v curl >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
any_service_running && die "Meridian is already running (logs in $MERIDIAN_RUN_DIR/logs); stop it with scripts/stop.sh"

build_if_needed "$rebuild"
ensure_dev_keys
bootstrap_database "$MERIDIAN_DB_NAME"

mkdir -p "$MERIDIAN_RUN_DIR/logs"
up=false
trap 'if ! $up; then log "start-up failed; stopping what was started"; stop_all; fi' EXIT
start_service intake-service "$MERIDIAN_INTAKE_PORT"
start_service outcomes-service "$MERIDIAN_OUTCOMES_PORT"
start_service gateway "$MERIDIAN_GATEWAY_PORT"
for service in intake-service outcomes-service gateway; do wait_until_ready "$service"; done
up=true

cat <<TXT

Meridian is up.
  API (gateway)        http://localhost:$MERIDIAN_GATEWAY_PORT/api/v1/intake/...  and  /api/v1/outcomes/...
  OpenAPI (merged)     http://localhost:$MERIDIAN_GATEWAY_PORT/openapi   (per service: /openapi/intake, /openapi/outcomes)
  Swagger UI           http://localhost:$MERIDIAN_GATEWAY_PORT/q/swagger-ui
  Access token         TOKEN=\$(scripts/token.sh admin)   (roles: patient practitioner clinic-admin researcher research-export admin)
  Health               http://localhost:$MERIDIAN_GATEWAY_MANAGEMENT_PORT/q/health/ready (management ports, not public:
                       intake :$MERIDIAN_INTAKE_MANAGEMENT_PORT, outcomes :$MERIDIAN_OUTCOMES_MANAGEMENT_PORT)
  Metrics              http://localhost:$MERIDIAN_GATEWAY_MANAGEMENT_PORT/q/metrics (Prometheus; also on each service's management port)
  Logs                 $MERIDIAN_RUN_DIR/logs/
  Stop                 scripts/stop.sh$( $detach || echo " (or Ctrl-C here)")
TXT

if $demo; then
  "$MERIDIAN_ROOT/scripts/demo/load.sh" "http://localhost:$MERIDIAN_GATEWAY_PORT"
fi

if $detach; then exit 0; fi
log "following logs; Ctrl-C stops Meridian"
tail -n 0 -F "$MERIDIAN_RUN_DIR"/logs/*.log &
tail_pid=$!
trap 'echo; kill "$tail_pid" 2>/dev/null; stop_all; exit 0' INT TERM
while any_service_running; do sleep 2; done
kill "$tail_pid" 2>/dev/null || true
log "a service exited; see $MERIDIAN_RUN_DIR/logs"
stop_all
exit 1
