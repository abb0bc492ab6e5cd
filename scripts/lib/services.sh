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

# The JVM options of one service: MERIDIAN_JAVA_OPTS when set, else the sizes measured for it (docs/performance.md,
# "Memory"). The image (Dockerfile, compose) carries the same values, the Kubernetes manifests the same heaps as a
# share of their memory limits.
# Serial GC: on 2 cores a parallel or concurrent collector takes cores the requests need, and these heaps are small.
# A small initial heap: the JVM's default (1/64 of the machine's memory) is committed and touched as eden cycles. Not
# smaller than this: the AOT cache's archived heap objects (5-6 MiB for intake and outcomes) are loaded into the old
# generation, two thirds of the initial heap, when the JVM starts, and a JVM whose old generation cannot hold them
# refuses to start ("archived heap objects cannot be loaded"); -Xms8m did, once a training archived 5.7 MiB.
# MaxMetaspaceSize: a bound, not memory used (metaspace is 15 MiB under load), but the JVM sizes the compressed class
# space at 80 % of it, and the AOT cache is mapped into that space: with 96m and 160m the caps were 80 and 128 MiB for
# caches of 67, 119 and 123 MiB, and a training that recorded more failed outright ("Unable to allocate from 'ro'
# region"), leaving the service to start without a cache, twice as slowly.
# TrimNativeHeapInterval: the JIT's arenas freed after the burst of compilation at start-up go back to the system
# (outcomes-service at rest 232 -> 212 MiB); MALLOC_ARENA_MAX (launch_service): two malloc arenas, not eight per core.
service_java_opts() { # service_java_opts NAME
  if [ -n "${MERIDIAN_JAVA_OPTS:-}" ]; then echo "$MERIDIAN_JAVA_OPTS"; return; fi
  case "$1" in
    gateway) echo "-XX:+UseSerialGC -Xms16m -Xmx64m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m$(native_trim_option)" ;;
    *) echo "-XX:+UseSerialGC -Xms32m -Xmx160m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m$(native_trim_option)" ;;
  esac
}

# -XX:TrimNativeHeapInterval is a product option from JDK 21.0.3 on; an older JDK 21 refuses to start with it. Read
# from the JDK's release file, as this runs for every start.
native_trim_option() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null)
  case "$version" in
    21|21.0.[0-2]|"") ;;
    *) printf ' -XX:TrimNativeHeapInterval=2000' ;;
  esac
}

# The JDK AOT cache (JEP 483/514/515) of a service: the classes it loads and links and the profiles of its methods,
# recorded by a training run (train_aot_caches) against the JDK in JAVA_HOME and the jars as built. The JVM maps it
# at start instead of loading, verifying and linking those classes again.
aot_cache_file() { echo "$MERIDIAN_ROOT/$1/target/quarkus-app/app.aot"; }

# The JDK and JVM options a cache was recorded with, kept next to it (app.aot.jvm): the JVM refuses a cache from another
# JDK build (and then starts slower than with no cache at all, without even the JDK's own CDS archive), and a training
# run is only representative with the options the service runs with. (JDK 25.0.3 logs two warnings about adapter code
# stubs at every start with a cache, also with matching options; they are harmless.)
aot_cache_stamp() { # aot_cache_stamp NAME
  "$JAVA_HOME/bin/java" -version 2>&1 | tr '\n' ' '
  echo " $JAVA_HOME $(service_java_opts "$1")"
}

# Current: present, recorded with this JDK and these options, and newer than the jar it was recorded from (a rebuild
# makes it stale; the JVM would refuse it too, as it checks the jars' sizes and times).
aot_cache_current() { # aot_cache_current NAME
  local file; file=$(aot_cache_file "$1")
  [ -f "$file" ] && [ -f "$file.jvm" ] && [ "$file" -nt "$MERIDIAN_ROOT/$1/target/quarkus-app/quarkus-run.jar" ] \
    && [ "$(cat "$file.jvm")" = "$(aot_cache_stamp "$1")" ]
}

# MERIDIAN_AOT_CACHE: auto (default: use a current cache, train one when missing or stale), off (never). The cache
# needs JDK 25 (-XX:AOTCacheOutput, JEP 514); on an older JDK the services start without one and nothing is trained.
aot_cache_enabled() {
  [ "${MERIDIAN_AOT_CACHE:-auto}" != off ] || return 1
  [ -n "${MERIDIAN_JAVA_MAJOR:-}" ] || MERIDIAN_JAVA_MAJOR=$(java_major "$JAVA_HOME/bin/java")
  [ "${MERIDIAN_JAVA_MAJOR:-0}" -ge 25 ] 2>/dev/null
}

start_service() { # start_service NAME PORT: with its AOT cache when it has a current one
  local cache=()
  if aot_cache_enabled && aot_cache_current "$1"; then cache=("-XX:AOTCache=$(aot_cache_file "$1")"); fi
  launch_service "$1" "$2" "${cache[@]}"
}

# A JVM that cannot use a cache it is given may refuse to start at all (an archived heap larger than its initial old
# generation does that), so a new cache is tried once, with the service's own options, before it counts as current:
# a JVM that maps it and prints its version, about 0.3 s. What it depends on (the JDK, the options, the cache) is what
# the cache's stamp records, so no later start needs to try it again.
aot_cache_usable() { # aot_cache_usable NAME
  local jar="$MERIDIAN_ROOT/$1/target/quarkus-app/quarkus-run.jar" output
  # shellcheck disable=SC2046
  if output=$("$JAVA_HOME/bin/java" $(service_java_opts "$1") "-XX:AOTCache=$(aot_cache_file "$1")" -cp "$jar" -version 2>&1); then
    return 0
  fi
  printf '\n===== %s the AOT cache cannot be used =====\n%s\n' "$(date -u +%FT%TZ)" "$output" >>"$MERIDIAN_RUN_DIR/logs/$1.log"
  return 1
}

# The cache is mapped into the compressed class space, which the JVM sizes at 80 % of MaxMetaspaceSize; a training
# that records more than that fails outright, so a cache close to it is worth a warning while it still fits.
warn_if_aot_cache_near_its_cap() { # warn_if_aot_cache_near_its_cap NAME
  local cap size
  # shellcheck disable=SC2046
  cap=$("$JAVA_HOME/bin/java" $(service_java_opts "$1") -XX:+PrintFlagsFinal -version 2>/dev/null \
    | awk '$2 == "CompressedClassSpaceSize" {print $4}')
  size=$(stat -c %s "$(aot_cache_file "$1")")
  if [ -n "$cap" ] && [ "$size" -gt $((cap * 85 / 100)) ]; then
    log "warning: the AOT cache of $1 takes $((size >> 20)) of the $((cap >> 20)) MiB its JVM options leave it (80 % of -XX:MaxMetaspaceSize); raise that bound before a training outgrows it"
  fi
}

launch_service() { # launch_service NAME PORT [JVM OPTION...]
  local service=$1 port=$2 log_file="$MERIDIAN_RUN_DIR/logs/$1.log" management_port
  shift 2
  management_port=$(service_management_port "$service")
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already in use; free it or set MERIDIAN_$(echo "${service%%-*}" | tr '[:lower:]' '[:upper:]')_PORT (see docs/configuration.md)"
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$management_port") 2>/dev/null; then
    die "port $management_port is already in use; free it or set MERIDIAN_$(echo "${service%%-*}" | tr '[:lower:]' '[:upper:]')_MANAGEMENT_PORT (see docs/configuration.md)"
  fi
  log "starting $service on port $port (log: $log_file)"
  printf '\n===== %s starting %s %s =====\n' "$(date -u +%FT%TZ)" "$service" "$*" >>"$log_file"
  # shellcheck disable=SC2046
  QUARKUS_DATASOURCE_JDBC_URL="$(jdbc_url "$MERIDIAN_DB_NAME")" \
  MERIDIAN_INTAKE_URL="${MERIDIAN_INTAKE_URL:-http://127.0.0.1:$MERIDIAN_INTAKE_PORT}" \
  MERIDIAN_OUTCOMES_URL="${MERIDIAN_OUTCOMES_URL:-http://127.0.0.1:$MERIDIAN_OUTCOMES_PORT}" \
  MERIDIAN_INTAKE_PORT="$MERIDIAN_INTAKE_PORT" MERIDIAN_OUTCOMES_PORT="$MERIDIAN_OUTCOMES_PORT" \
  MERIDIAN_GATEWAY_PORT="$MERIDIAN_GATEWAY_PORT" \
  MERIDIAN_INTAKE_MANAGEMENT_PORT="$MERIDIAN_INTAKE_MANAGEMENT_PORT" \
  MERIDIAN_OUTCOMES_MANAGEMENT_PORT="$MERIDIAN_OUTCOMES_MANAGEMENT_PORT" \
  MERIDIAN_GATEWAY_MANAGEMENT_PORT="$MERIDIAN_GATEWAY_MANAGEMENT_PORT" \
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
  nohup "$JAVA_HOME/bin/java" -Duser.timezone=UTC -Dvertx.disableURIValidation=true $(service_java_opts "$service") "$@" \
    -jar "$MERIDIAN_ROOT/$service/target/quarkus-app/quarkus-run.jar" >>"$log_file" 2>&1 &
  echo $! >"$(pid_file "$service")"
}

# Records the AOT cache of every service that has no current one: starts those services (all three, so that the
# gateway's calls reach real services) with -XX:AOTCacheOutput, sends them the kind of requests a stack serves (health,
# metrics, reads with a local token, a refused submission, all about a random clinic: nothing is written but the audit
# trail's rows for these calls, by user aot-training), and stops them; each JVM writes its cache as it exits. Once per
# build, JDK and JVM options; about a minute on 2 cores. Needs the database.
train_aot_caches() {
  aot_cache_enabled || return 0
  local service stale=() port token clinic url i
  for service in "${SERVICES[@]}"; do aot_cache_current "$service" || stale+=("$service"); done
  [ ${#stale[@]} -gt 0 ] || return 0
  log "training the JDK AOT cache of ${stale[*]} (once per build; MERIDIAN_AOT_CACHE=off to skip)"
  for service in "${SERVICES[@]}"; do
    port=$(service_port "$service")
    if printf '%s\n' "${stale[@]}" | grep -qx "$service"; then
      rm -f "$(aot_cache_file "$service")" "$(aot_cache_file "$service").jvm"
      launch_service "$service" "$port" "-XX:AOTCacheOutput=$(aot_cache_file "$service")" -Xlog:aot=error
    else
      start_service "$service" "$port"
    fi
  done
  # a training that fails leaves that service without a cache (it starts without one), not the run failed
  for service in "${SERVICES[@]}"; do (wait_until_ready "$service") || log "training $service failed; going on without"; done
  clinic=$(cat /proc/sys/kernel/random/uuid)
  token=$("$MERIDIAN_ROOT/scripts/token.sh" practitioner --clinic "$clinic" --ttl 600 --sub aot-training 2>/dev/null || true)
  for i in $(seq 1 20); do
    for service in "${SERVICES[@]}"; do
      curl -s -o /dev/null "http://127.0.0.1:$(service_management_port "$service")/q/health/ready"
      curl -s -o /dev/null "http://127.0.0.1:$(service_management_port "$service")/q/metrics"
    done
    for url in "http://127.0.0.1:$MERIDIAN_GATEWAY_PORT" "http://127.0.0.1:$MERIDIAN_INTAKE_PORT" "http://127.0.0.1:$MERIDIAN_OUTCOMES_PORT"; do
      curl -s -o /dev/null -H "Authorization: Bearer $token" "$url/api/v1/intake/acupoints"
      curl -s -o /dev/null -H "Authorization: Bearer $token" "$url/api/v1/intake/clinics/$clinic/patients"
      curl -s -o /dev/null -H "Authorization: Bearer $token" \
        "$url/api/v1/outcomes/clinics/$clinic/patients/$clinic/trajectory?instrument=NRS"
      curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d '{"instrumentCode":"NRS","items":[]}' \
        "$url/api/v1/outcomes/clinics/$clinic/patients/$clinic/assessments"
      curl -s -o /dev/null "$url/api/v1/intake/clinics"
    done
  done
  # the JVM writes its cache on the way out (seconds to tens of seconds), hence the long wait
  STOP_WAIT_SECONDS=120 stop_all
  for service in "${stale[@]}"; do
    if [ -f "$(aot_cache_file "$service")" ] && ! aot_cache_usable "$service"; then
      rm -f "$(aot_cache_file "$service")"
      log "the JVM cannot use the AOT cache recorded for $service with its options (see $MERIDIAN_RUN_DIR/logs/$service.log); it starts without one"
    elif [ -f "$(aot_cache_file "$service")" ]; then
      aot_cache_stamp "$service" >"$(aot_cache_file "$service").jvm"
      warn_if_aot_cache_near_its_cap "$service"
    else
      log "no AOT cache was written for $service (see $MERIDIAN_RUN_DIR/logs/$service.log); it starts without one"
    fi
  done
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
      for i in $(seq 1 $((2 * ${STOP_WAIT_SECONDS:-20}))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && { log "$service did not stop in ${STOP_WAIT_SECONDS:-20} s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    fi
    rm -f "$file"
  done
}
