# Starting, watching and stopping the three services as local processes. Source after common.sh.

SERVICES=(gateway outcomes-service intake-service)

pid_file() { echo "$MERIDIAN_RUN_DIR/$1.pid"; }

service_running() {
  local file; file=$(pid_file "$1")
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}

any_service_running() {
  local service
  for service in "${SERVICES[@]}"; do service_running "$service" && return 0; done
  return 1
}

service_port() {
  case "$1" in
    intake-service) echo "$MERIDIAN_INTAKE_PORT" ;;
    outcomes-service) echo "$MERIDIAN_OUTCOMES_PORT" ;;
    gateway) echo "$MERIDIAN_GATEWAY_PORT" ;;
  esac
}

service_management_port() {
  case "$1" in
    intake-service) echo "$MERIDIAN_INTAKE_MANAGEMENT_PORT" ;;
    outcomes-service) echo "$MERIDIAN_OUTCOMES_MANAGEMENT_PORT" ;;
    gateway) echo "$MERIDIAN_GATEWAY_MANAGEMENT_PORT" ;;
  esac
}

# Rebuilds when asked, when a runnable jar is missing, or when any source or pom is newer than it.
build_if_needed() {
  local force=$1 service jar stale=false
  for service in intake-service outcomes-service gateway; do
    jar="$MERIDIAN_ROOT/$service/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$MERIDIAN_ROOT/$service/src/main" "$MERIDIAN_ROOT/$service/pom.xml" "$MERIDIAN_ROOT/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
      stale=true
    fi
  done
  if [ "$force" = true ] || $stale; then
    log "building (./mvnw package -DskipTests)"
    (cd "$MERIDIAN_ROOT" && ./mvnw -B -ntp -q package -DskipTests)
  fi
}

start_service() { # start_service NAME PORT
  local service=$1 port=$2 log_file="$MERIDIAN_RUN_DIR/logs/$1.log" management_port
  management_port=$(service_management_port "$service")
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already in use; free it or set MERIDIAN_$(echo "${service%%-*}" | tr '[:lower:]' '[:upper:]')_PORT (see docs/configuration.md)"
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$management_port") 2>/dev/null; then
    die "port $management_port is already in use; free it or set MERIDIAN_$(echo "${service%%-*}" | tr '[:lower:]' '[:upper:]')_MANAGEMENT_PORT (see docs/configuration.md)"
  fi
  log "starting $service on port $port (log: $log_file)"
  printf '\n===== %s starting %s =====\n' "$(date -u +%FT%TZ)" "$service" >>"$log_file"
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL="$(jdbc_url "$MERIDIAN_DB_NAME")" \
  MERIDIAN_INTAKE_URL="${MERIDIAN_INTAKE_URL:-http://127.0.0.1:$MERIDIAN_INTAKE_PORT}" \
  MERIDIAN_OUTCOMES_URL="${MERIDIAN_OUTCOMES_URL:-http://127.0.0.1:$MERIDIAN_OUTCOMES_PORT}" \
  MERIDIAN_INTAKE_PORT="$MERIDIAN_INTAKE_PORT" MERIDIAN_OUTCOMES_PORT="$MERIDIAN_OUTCOMES_PORT" \
  MERIDIAN_GATEWAY_PORT="$MERIDIAN_GATEWAY_PORT" \
  MERIDIAN_INTAKE_MANAGEMENT_PORT="$MERIDIAN_INTAKE_MANAGEMENT_PORT" \
  MERIDIAN_OUTCOMES_MANAGEMENT_PORT="$MERIDIAN_OUTCOMES_MANAGEMENT_PORT" \
  MERIDIAN_GATEWAY_MANAGEMENT_PORT="$MERIDIAN_GATEWAY_MANAGEMENT_PORT" \
  nohup "$JAVA_HOME/bin/java" -Duser.timezone=UTC ${MERIDIAN_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC} \
    -jar "$MERIDIAN_ROOT/$service/target/quarkus-app/quarkus-run.jar" >>"$log_file" 2>&1 &
  echo $! >"$(pid_file "$service")"
}

wait_until_ready() { # wait_until_ready NAME
  local service=$1 port i
  port=$(service_management_port "$service")
  for i in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
      log "$service is ready"
      return 0
    fi
    if ! service_running "$service"; then
      tail -n 40 "$MERIDIAN_RUN_DIR/logs/$service.log" >&2 || true
      die "$service exited during start-up (log above)"
    fi
    sleep 1
  done
  die "$service was not ready within 120 s; see $MERIDIAN_RUN_DIR/logs/$service.log"
}

stop_all() {
  local service file pid i
  for service in "${SERVICES[@]}"; do
    file=$(pid_file "$service")
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping $service (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && { log "$service did not stop in 20 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    fi
    rm -f "$file"
  done
}
