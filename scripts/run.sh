#!/usr/bin/env bash
# The run command: builds if needed (the web app too, when Node.js is present), prepares the database, starts
# intake-service (8081), outcomes-service (8082) and the gateway (8080, web app at /app/), waits, prints the URLs.
#   --keycloak tokens come from a real Keycloak (8180, realm deploy/keycloak/meridian-realm.json, database of its own)
#              instead of the local key; its issuer, realm and clients go to .run/keycloak.env (docs/security.md)
#   --demo     load a small realistic demo data set through the gateway once everything is up (with --keycloak, also
#              the demo's users and EHR client in Keycloak; without, demo sign-ins for the web app: docs/web.md)
#   --detach   return once the stack is up (stop it later with scripts/stop.sh); default: stay attached, Ctrl-C stops
#   --rebuild  rebuild even if the jars look current
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/db.sh"
source "$(dirname "$0")/lib/services.sh"
source "$(dirname "$0")/lib/keys.sh"
source "$(dirname "$0")/lib/keycloak.sh"
source "$(dirname "$0")/lib/web.sh"

demo=false detach=false rebuild=false keycloak=false
for arg in "$@"; do
  case "$arg" in
    --keycloak) keycloak=true ;;
    --demo) demo=true ;;
    --detach) detach=true ;;
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done

select_jdk
command -v curl >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
if any_service_running || keycloak_running; then
  die "Meridian is already running (logs in $MERIDIAN_RUN_DIR/logs); stop it with scripts/stop.sh"
fi

mkdir -p "$MERIDIAN_RUN_DIR/logs"
up=false
trap 'if ! $up; then log "start-up failed; stopping what was started"; stop_all; stop_keycloak; fi' EXIT
ensure_dev_keys
if $keycloak; then
  # Keycloak starts first (about 30 s) and comes up while the services are built and started.
  bootstrap_keycloak_database
  start_keycloak
  use_keycloak_for_tokens
fi
build_if_needed "$rebuild"
build_web_if_possible
if [ -f "$MERIDIAN_ROOT/web/dist/index.html" ]; then export MERIDIAN_WEB_DIR=${MERIDIAN_WEB_DIR:-$MERIDIAN_ROOT/web/dist}; fi
demo_sign_ins="$MERIDIAN_RUN_DIR/web-sign-ins.json"
rm -f "$demo_sign_ins"
if $demo && ! $keycloak; then export MERIDIAN_WEB_DEMO_SIGN_INS=$demo_sign_ins; fi
bootstrap_database "$MERIDIAN_DB_NAME"
train_aot_caches

start_service intake-service "$MERIDIAN_INTAKE_PORT"
start_service outcomes-service "$MERIDIAN_OUTCOMES_PORT"
start_service gateway "$MERIDIAN_GATEWAY_PORT"
for service in intake-service outcomes-service gateway; do wait_until_ready "$service"; done
if $keycloak; then
  wait_until_keycloak_ready
  write_keycloak_env
fi
up=true

if $keycloak; then
  token_lines="  Keycloak             $MERIDIAN_KEYCLOAK_URL (realm $MERIDIAN_KEYCLOAK_REALM); admin console: user admin, password in
                       $MERIDIAN_KEYS_DIR/keycloak-admin-password
  Access token         TOKEN=\$(scripts/keycloak-token.sh admin)   (a sign-in through Keycloak; docs/security.md)
  Keycloak settings    $MERIDIAN_KEYCLOAK_ENV_FILE (issuer, token endpoint$($demo && echo ', the demo EHR client' || true))"
else
  token_lines="  Access token         TOKEN=\$(scripts/token.sh admin)   (roles: patient practitioner clinic-admin researcher research-export admin)"
fi
cat <<TXT

Meridian is up.
  API (gateway)        http://localhost:$MERIDIAN_GATEWAY_PORT/api/v1/intake/...  and  /api/v1/outcomes/...
  OpenAPI (merged)     http://localhost:$MERIDIAN_GATEWAY_PORT/openapi   (per service: /openapi/intake, /openapi/outcomes)
  Swagger UI           http://localhost:$MERIDIAN_GATEWAY_PORT/q/swagger-ui
  Web app              $( [ -n "${MERIDIAN_WEB_DIR:-}" ] && echo "http://localhost:$MERIDIAN_GATEWAY_PORT/app/   (docs/web.md)" || echo "not built (needs Node.js; docs/web.md)")
$token_lines
  Health               http://localhost:$MERIDIAN_GATEWAY_MANAGEMENT_PORT/q/health/ready (management ports, not public:
                       intake :$MERIDIAN_INTAKE_MANAGEMENT_PORT, outcomes :$MERIDIAN_OUTCOMES_MANAGEMENT_PORT)
  Metrics              http://localhost:$MERIDIAN_GATEWAY_MANAGEMENT_PORT/q/metrics (Prometheus; also on each service's management port)
  Logs                 $MERIDIAN_RUN_DIR/logs/
  Stop                 scripts/stop.sh$( $detach || echo " (or Ctrl-C here)")
TXT

if $demo; then
  if $keycloak; then
    # The demo data goes in with tokens Keycloak issued, for demo users the loader makes as it goes.
    MERIDIAN_TOKEN_COMMAND="$MERIDIAN_ROOT/scripts/keycloak-token.sh" \
      "$MERIDIAN_ROOT/scripts/demo/load.sh" "http://localhost:$MERIDIAN_GATEWAY_PORT"
    "$MERIDIAN_ROOT/scripts/demo/keycloak.sh"
  else
    "$MERIDIAN_ROOT/scripts/demo/load.sh" "http://localhost:$MERIDIAN_GATEWAY_PORT"
    write_demo_sign_ins "$demo_sign_ins"
  fi
fi

if $detach; then exit 0; fi
log "following logs; Ctrl-C stops Meridian"
tail -n 0 -F "$MERIDIAN_RUN_DIR"/logs/*.log &
tail_pid=$!
trap 'echo; kill "$tail_pid" 2>/dev/null; stop_all; stop_keycloak; exit 0' INT TERM
while any_service_running && { ! $keycloak || keycloak_running; }; do sleep 2; done
kill "$tail_pid" 2>/dev/null || true
log "a service exited; see $MERIDIAN_RUN_DIR/logs"
stop_all
stop_keycloak
exit 1
